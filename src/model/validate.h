// Validation that hands its id indexes on to the Model it lets through.
#ifndef ZEREN_SRC_MODEL_VALIDATE_H_
#define ZEREN_SRC_MODEL_VALIDATE_H_

#include "src/model/id_index.h"
#include "zeren/problem.h"
#include "zeren/records.h"

namespace zeren {

// Validate (zeren/model.h), indexing the units, people, duties and incidents of `data` into
// `indexes` (empty, made over `data`). When no problem is found, they index every record.
ProblemList ValidateAndIndex(const ModelData& data, ModelIndexes* indexes);

}  // namespace zeren

#endif  // ZEREN_SRC_MODEL_VALIDATE_H_
