// The zeren program's commands. Each writes its report to `out`, problems to `err`, and
// returns the process exit code.
#ifndef ZEREN_TOOLS_COMMANDS_H_
#define ZEREN_TOOLS_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "zeren/model.h"
#include "zeren/snapshot.h"

namespace zeren::cli {

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidModel = 1;  // the document failed to load or validate
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitQuery = 3;         // unknown id, or a unit not existing that day
// The output cannot be written, or a program it needs (Graphviz `dot`) is missing or failed.
inline constexpr int kExitOutput = 4;

// Today in UTC: the default of --as-of.
Date Today();

int RunValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunChain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunPerson(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunAccount(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunLedger(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunAudit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunAssess(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunScheme(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunPolicy(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// tools/export_command.cc
int RunExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunDemo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// tools/convert_command.cc
int RunConvert(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// tools/generate_command.cc
int RunGenerate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// Draws a progress bar on `err` when `err_is_terminal` (and no --quiet).
int RunReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              bool err_is_terminal);

// Writes the report of `model` as of `day` to `path` and prints its absolute path.
int WriteDemoReport(const Model& model, const Snapshot& s, Date day, const std::string& path,
                    std::ostream& out, std::ostream& err);

}  // namespace zeren::cli

#endif  // ZEREN_TOOLS_COMMANDS_H_
