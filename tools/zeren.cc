// zeren: the command-line face of the library.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "tools/commands.h"
#include "tools/progress.h"

namespace {

constexpr char kUsage[] =
    "usage: zeren COMMAND [ARGS]\n"
    "\n"
    "  validate MODEL                              check a model document\n"
    "  chain MODEL --unit ID [--as-of DATE] [--json]     a unit's chain of responsibility\n"
    "  person MODEL --person ID [--as-of DATE] [--json]  what a person answers for\n"
    "  account MODEL (--incident ID | --all) [--json]    who answers for an incident, and why\n"
    "  ledger MODEL [--as-of DATE] [--json]        directives: task lights, level profiles, break points\n"
    "  audit MODEL [--as-of DATE] [--json]         what breaks the chain of responsibility\n"
    "  assess MODEL [--unit ID] [--json]           scores, grades and ranks, with reasons\n"
    "  policy --default                            the built-in accountability policy\n"
    "  scheme --default                            the built-in assessment scheme\n"
    "  convert IN OUT [--from json|csv|zrn] [--to json|csv|zrn] [--no-snapshot] [--quiet]\n"
    "                                              a model as a JSON file, CSV folder or .zrn\n"
    "  export MODEL --format graphml|dot|svg|png [--as-of DATE] [--unit ID | --incident ID]\n"
    "         [--grades] -o FILE                   the hierarchy as a graph, or a picture\n"
    "  report MODEL [--as-of DATE] [--depth N] [--quiet] -o FILE\n"
    "                                              the state of it all as one HTML page\n"
    "  demo [MODEL] [--report FILE]                a report on the bundled example organization\n"
    "  generate --units N [--members M] [--seed S] [--depth D] [--no-member-people] [--quiet]\n"
    "           -o FILE\n"
    "                                              a synthetic organization, deterministic\n"
    "\n"
    "MODEL is a JSON document, a folder of CSV files (docs/csv.md) or a .zrn archive.\n"
    "DATE is YYYY-MM-DD (default: today, UTC). Exit codes: 0 ok, 1 invalid model,\n"
    "2 bad command line, 3 unknown id or a unit that does not exist on the date,\n"
    "4 output not written (or Graphviz `dot` missing or failed).\n";

}  // namespace

int main(int argc, char** argv) {
  using zeren::cli::kExitUsage;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "validate") return zeren::cli::RunValidate(args, std::cout, std::cerr);
  if (command == "chain") return zeren::cli::RunChain(args, std::cout, std::cerr);
  if (command == "person") return zeren::cli::RunPerson(args, std::cout, std::cerr);
  if (command == "account") return zeren::cli::RunAccount(args, std::cout, std::cerr);
  if (command == "ledger") return zeren::cli::RunLedger(args, std::cout, std::cerr);
  if (command == "audit") return zeren::cli::RunAudit(args, std::cout, std::cerr);
  if (command == "assess") return zeren::cli::RunAssess(args, std::cout, std::cerr);
  if (command == "scheme") return zeren::cli::RunScheme(args, std::cout, std::cerr);
  if (command == "policy") return zeren::cli::RunPolicy(args, std::cout, std::cerr);
  if (command == "convert") return zeren::cli::RunConvert(args, std::cout, std::cerr);
  if (command == "export") return zeren::cli::RunExport(args, std::cout, std::cerr);
  if (command == "demo") return zeren::cli::RunDemo(args, std::cout, std::cerr);
  if (command == "generate") return zeren::cli::RunGenerate(args, std::cout, std::cerr);
  if (command == "report") {
    const bool terminal = zeren::cli::IsTerminal(STDERR_FILENO);
    return zeren::cli::RunReport(args, std::cout, std::cerr, terminal);
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return zeren::cli::kExitOk;
  }
  std::cerr << "zeren: unknown command \"" << command << "\"\n\n" << kUsage;
  return kExitUsage;
}
