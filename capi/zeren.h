/*
 * zeren: responsibility systems as graphs — the C API.
 *
 * This header is the library's only stable ABI. It is C99, uses only fixed-width
 * integers, size_t, double and char pointers, and every symbol starts with zeren_.
 *
 * Conventions
 *  - Status: every fallible call returns int32_t: ZEREN_OK (0) or one of the ZEREN_ERR_*
 *    codes below (codes are only ever appended). Its last argument, `zeren_error **err`,
 *    may be NULL; otherwise on failure *err is set to a new error the caller frees with
 *    zeren_error_free (and left untouched on success). No exception or abort crosses this
 *    boundary.
 *  - Ownership: a creator takes `zeren_x **out`, sets *out to NULL on failure, and the
 *    caller frees the result with zeren_x_free; every zeren_x_free(NULL) is a no-op.
 *    Strings the library returns through `char **` are freed with zeren_string_free, never
 *    with free(). `const char *` results are borrowed: valid while their handle lives.
 *  - Strings in are NUL-terminated UTF-8. NULL where an argument is required is
 *    ZEREN_ERR_INVALID_ARGUMENT.
 *  - Dates are int32_t days since 1970-01-01 (proleptic Gregorian); ZEREN_DATE_OPEN marks
 *    an absent date (an open interval end). zeren_date_parse / zeren_date_format convert.
 *  - Enums travel as int32_t (ZEREN_ROLE_*, ZEREN_LINK_*, ...).
 *  - Structs passed in begin with `uint32_t struct_size`; initialize them with their
 *    _INIT macro. Structs filled by the library are filled up to the caller's struct_size.
 *    A struct_size below the current sizeof must be the sizeof of an earlier version (a
 *    multiple of 8 for the structs passed in); one that ends inside a field is
 *    ZEREN_ERR_INVALID_ARGUMENT.
 *  - Threads: a snapshot is immutable and may be queried from any number of threads at
 *    once. A model may be read (compiled, saved, queried) from several threads while no
 *    thread modifies it (zeren_model_apply). Results (chains, person views, accountings,
 *    ledgers, audits, assessments) do not change once made and may be read from several
 *    threads at once. Edits and errors belong to one thread at a time.
 */
#ifndef ZEREN_ZEREN_H_
#define ZEREN_ZEREN_H_

#include <stddef.h>
#include <stdint.h>

#if defined(ZEREN_BUILDING_LIBRARY)
#define ZEREN_EXPORT __attribute__((visibility("default")))
#else
#define ZEREN_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes ---- */
#define ZEREN_OK 0
#define ZEREN_ERR_INVALID_ARGUMENT 1 /* NULL or malformed argument */
#define ZEREN_ERR_INVALID_MODEL 2    /* the document or edit fails validation: see problems */
#define ZEREN_ERR_NOT_FOUND 3        /* unknown id, or a unit that does not exist that day */
#define ZEREN_ERR_IO 4               /* a file could not be read or written */
#define ZEREN_ERR_OUT_OF_RANGE 5     /* an index or size beyond its limit */
#define ZEREN_ERR_NO_MEMORY 6
#define ZEREN_ERR_INTERNAL 7         /* a bug in zeren: please report it */

/* ---- vocabularies (values match the model format's spellings, in order) ---- */
#define ZEREN_ROLE_NONE (-1) /* duty held by the unit itself */
#define ZEREN_ROLE_SECRETARY 0
#define ZEREN_ROLE_HEAD 1
#define ZEREN_ROLE_DEPUTY 2
#define ZEREN_ROLE_MEMBER 3
#define ZEREN_ROLE_DISCIPLINE_SECRETARY 4
#define ZEREN_ROLE_STAFF 5

#define ZEREN_LINK_SUPERVISES 0
#define ZEREN_LINK_SPECIALIZES 1
#define ZEREN_LINK_GUIDES 2

#define ZEREN_DUTY_PRINCIPAL 0
#define ZEREN_DUTY_FIRST_RESPONSIBLE 1
#define ZEREN_DUTY_DUAL_POST 2
#define ZEREN_DUTY_SUPERVISORY 3
#define ZEREN_DUTY_SPECIALIZED 4

#define ZEREN_SEVERITY_MINOR 0
#define ZEREN_SEVERITY_SERIOUS 1
#define ZEREN_SEVERITY_GRAVE 2

#define ZEREN_CIRCUMSTANCE_REPEAT 0
#define ZEREN_CIRCUMSTANCE_CONCEALMENT 1
#define ZEREN_CIRCUMSTANCE_OBSTRUCTION 2
#define ZEREN_CIRCUMSTANCE_REFUSED_RECTIFICATION 3
#define ZEREN_CIRCUMSTANCE_SELF_REPORT 4
#define ZEREN_CIRCUMSTANCE_PROMPT_RECTIFICATION 5
#define ZEREN_CIRCUMSTANCE_DUE_DILIGENCE 6
#define ZEREN_CIRCUMSTANCE_OBJECTION_ON_RECORD 7

/* Kinds of chain entries (zeren_chain_entry.kind). */
#define ZEREN_CHAIN_SECRETARY 0
#define ZEREN_CHAIN_HEAD 1
#define ZEREN_CHAIN_DEPUTY 2
#define ZEREN_CHAIN_MEMBER 3
#define ZEREN_CHAIN_DISCIPLINE_SECRETARY 4
#define ZEREN_CHAIN_IN_CHARGE 5
#define ZEREN_CHAIN_SUPERVISOR 6
#define ZEREN_CHAIN_SPECIALIST 7
#define ZEREN_CHAIN_GUIDE 8
#define ZEREN_CHAIN_SUPERIOR 9

/* Kinds of a person's responsibilities (zeren_responsibility.kind). */
#define ZEREN_RESPONSIBILITY_POST 0
#define ZEREN_RESPONSIBILITY_IN_CHARGE 1
#define ZEREN_RESPONSIBILITY_GUIDES 2
#define ZEREN_RESPONSIBILITY_SUPERVISES 3
#define ZEREN_RESPONSIBILITY_DUTY 4

/* Categories of responsibility, in precedence order (zeren_party.category). */
#define ZEREN_CATEGORY_DIRECT 0
#define ZEREN_CATEGORY_MAIN_LEADERSHIP 1
#define ZEREN_CATEGORY_IMPORTANT_LEADERSHIP 2
#define ZEREN_CATEGORY_OVERALL_LEADERSHIP 3
#define ZEREN_CATEGORY_SUPERVISORY 4
#define ZEREN_CATEGORY_GUIDANCE 5
#define ZEREN_CATEGORY_UPWARD 6

/* Forms of accountability (zeren_party.form). Units' ladder: NONE < SELF_EXAMINATION <
   CIRCULATED_NOTICE < REORGANIZATION; people's: NONE < CIRCULATED_NOTICE < ADMONISHMENT <
   ORGANIZATIONAL_ADJUSTMENT < DISCIPLINARY_SANCTION. */
#define ZEREN_FORM_NONE 0
#define ZEREN_FORM_SELF_EXAMINATION 1
#define ZEREN_FORM_CIRCULATED_NOTICE 2
#define ZEREN_FORM_REORGANIZATION 3
#define ZEREN_FORM_ADMONISHMENT 4
#define ZEREN_FORM_ORGANIZATIONAL_ADJUSTMENT 5
#define ZEREN_FORM_DISCIPLINARY_SANCTION 6

/* Task lights (zeren_task_row.light). */
#define ZEREN_LIGHT_DONE 0
#define ZEREN_LIGHT_CANCELLED 1
#define ZEREN_LIGHT_RED 2
#define ZEREN_LIGHT_YELLOW 3
#define ZEREN_LIGHT_GREEN 4

/* Task statuses (zeren_task_row.status). */
#define ZEREN_STATUS_OPEN 0
#define ZEREN_STATUS_IN_PROGRESS 1
#define ZEREN_STATUS_DONE 2
#define ZEREN_STATUS_VERIFIED 3
#define ZEREN_STATUS_CANCELLED 4

/* Audit finding kinds (zeren_finding.kind), and severities. */
#define ZEREN_FINDING_CONFLICT_OF_INTEREST 0
#define ZEREN_FINDING_DUTY_WITHOUT_HOLDER 1
#define ZEREN_FINDING_OVERDUE_TASKS 2
#define ZEREN_FINDING_OVERLOADED_PERSON 3
#define ZEREN_FINDING_STALLED_CASCADE 4
#define ZEREN_FINDING_UNGUIDED_BRANCH 5
#define ZEREN_FINDING_UNSUPERVISED 6
#define ZEREN_FINDING_VACANT_FIRST_RESPONSIBLE 7
#define ZEREN_FINDING_SEVERITY_CRITICAL 0
#define ZEREN_FINDING_SEVERITY_WARNING 1
#define ZEREN_FINDING_SEVERITY_INFO 2

#define ZEREN_DATE_OPEN INT32_MIN

/* ---- handles ---- */
typedef struct zeren_error zeren_error;
typedef struct zeren_model zeren_model;
typedef struct zeren_edit zeren_edit;
typedef struct zeren_snapshot zeren_snapshot;
typedef struct zeren_chain zeren_chain;
typedef struct zeren_person_view zeren_person_view;
typedef struct zeren_accounting zeren_accounting;
typedef struct zeren_ledger zeren_ledger;
typedef struct zeren_audit zeren_audit;
typedef struct zeren_assessment zeren_assessment;

/* ---- library ---- */

/* "MAJOR.MINOR.PATCH" of the library; static storage. */
ZEREN_EXPORT const char *zeren_version(void);
/* MAJOR * 10000 + MINOR * 100 + PATCH. */
ZEREN_EXPORT int32_t zeren_version_number(void);

ZEREN_EXPORT void zeren_string_free(char *string);

/* ---- errors ---- */

ZEREN_EXPORT int32_t zeren_error_code(const zeren_error *err);
/* One line; for a validation failure, the first problem and how many more there are. */
ZEREN_EXPORT const char *zeren_error_message(const zeren_error *err);
/* Validation problems kept (at most 100) and found in all. */
ZEREN_EXPORT size_t zeren_error_problem_count(const zeren_error *err);
ZEREN_EXPORT size_t zeren_error_problem_total(const zeren_error *err);
/* Problem `index`: its JSON path ("" for the whole document), the id involved ("" if none)
   and the message. Any output pointer may be NULL. */
ZEREN_EXPORT int32_t zeren_error_problem(const zeren_error *err, size_t index, const char **path,
                                         const char **id, const char **message);
ZEREN_EXPORT void zeren_error_free(zeren_error *err);

/* ---- dates ---- */

/* Parses "YYYY-MM-DD". */
ZEREN_EXPORT int32_t zeren_date_parse(const char *text, int32_t *out_day, zeren_error **err);
/* Writes "YYYY-MM-DD" and a NUL: `size` must be at least 11. */
ZEREN_EXPORT int32_t zeren_date_format(int32_t day, char *buffer, size_t size, zeren_error **err);

/* ---- models ---- */

/* The empty model. */
ZEREN_EXPORT int32_t zeren_model_new(zeren_model **out, zeren_error **err);
/* Parse and validate a JSON model document. All problems are in the error. */
ZEREN_EXPORT int32_t zeren_model_load_file(const char *path, zeren_model **out, zeren_error **err);
ZEREN_EXPORT int32_t zeren_model_load_buffer(const char *data, size_t size, zeren_model **out,
                                             zeren_error **err);
/* Check a document without keeping it: ZEREN_OK or ZEREN_ERR_INVALID_MODEL with problems. */
ZEREN_EXPORT int32_t zeren_validate_buffer(const char *data, size_t size, zeren_error **err);
/* Writes the JSON document atomically (temporary file, fsync, rename). */
ZEREN_EXPORT int32_t zeren_model_save_file(const zeren_model *model, const char *path,
                                           zeren_error **err);
/* The JSON document in a new string; *size (optional) receives its length. */
ZEREN_EXPORT int32_t zeren_model_to_json(const zeren_model *model, char **out, size_t *size,
                                         zeren_error **err);
ZEREN_EXPORT size_t zeren_model_unit_count(const zeren_model *model);
/* People and posts count the member roster's rows (docs/roster.md) as a person and a staff
   post each, as the JSON document writes them. */
ZEREN_EXPORT size_t zeren_model_person_count(const zeren_model *model);
ZEREN_EXPORT size_t zeren_model_post_count(const zeren_model *model);
ZEREN_EXPORT size_t zeren_model_link_count(const zeren_model *model);
ZEREN_EXPORT void zeren_model_free(zeren_model *model);

/* ---- edits: a batch applied whole or not at all ---- */

typedef struct zeren_unit_spec {
  uint32_t struct_size;
  const char *id;
  const char *name;
  const char *kind;
  int64_t members;
  const char *const *parents;   /* parent_count unit ids */
  const double *parent_weights; /* NULL: unweighted; else parent_count weights > 0 */
  size_t parent_count;
  int32_t from; /* first day the unit exists, or ZEREN_DATE_OPEN */
  int32_t to;   /* first day it no longer exists, or ZEREN_DATE_OPEN */
} zeren_unit_spec;
#define ZEREN_UNIT_SPEC_INIT \
  { sizeof(zeren_unit_spec), NULL, NULL, NULL, 0, NULL, NULL, 0, ZEREN_DATE_OPEN, ZEREN_DATE_OPEN }

typedef struct zeren_post_spec {
  uint32_t struct_size;
  const char *person;
  const char *unit;
  int32_t role; /* ZEREN_ROLE_* */
  int32_t from; /* required */
  int32_t to;   /* or ZEREN_DATE_OPEN */
  const char *const *in_charge_of;
  size_t in_charge_count;
} zeren_post_spec;
#define ZEREN_POST_SPEC_INIT \
  { sizeof(zeren_post_spec), NULL, NULL, ZEREN_ROLE_STAFF, ZEREN_DATE_OPEN, ZEREN_DATE_OPEN, NULL, 0 }

typedef struct zeren_link_spec {
  uint32_t struct_size;
  int32_t kind;     /* ZEREN_LINK_* */
  const char *from; /* a unit, or a person for ZEREN_LINK_GUIDES */
  const char *to;   /* a unit */
  int32_t from_date;
  int32_t to_date;
} zeren_link_spec;
#define ZEREN_LINK_SPEC_INIT \
  { sizeof(zeren_link_spec), ZEREN_LINK_SUPERVISES, NULL, NULL, ZEREN_DATE_OPEN, ZEREN_DATE_OPEN }

typedef struct zeren_duty_spec {
  uint32_t struct_size;
  const char *id;
  const char *unit;
  int32_t role;     /* ZEREN_ROLE_NONE: held by the unit itself */
  int32_t category; /* ZEREN_DUTY_* */
  const char *dimension; /* optional */
  const char *text;      /* optional */
} zeren_duty_spec;
#define ZEREN_DUTY_SPEC_INIT \
  { sizeof(zeren_duty_spec), NULL, NULL, ZEREN_ROLE_NONE, ZEREN_DUTY_PRINCIPAL, NULL, NULL }

typedef struct zeren_incident_spec {
  uint32_t struct_size;
  const char *id;
  const char *unit;
  int32_t date;
  int32_t since;    /* or ZEREN_DATE_OPEN */
  int32_t severity; /* ZEREN_SEVERITY_* */
  const char *case_id;   /* optional */
  const char *dimension; /* optional */
  const char *duty;      /* optional */
  const char *task;      /* optional */
  const char *const *direct;
  size_t direct_count;
  const char *const *participants;
  size_t participant_count;
  const int32_t *circumstance_kinds;         /* ZEREN_CIRCUMSTANCE_* */
  const char *const *circumstance_persons;  /* NULL, or entries NULL for "every party" */
  size_t circumstance_count;
} zeren_incident_spec;
#define ZEREN_INCIDENT_SPEC_INIT                                                               \
  { sizeof(zeren_incident_spec), NULL, NULL, 0, ZEREN_DATE_OPEN, ZEREN_SEVERITY_MINOR, NULL, NULL, \
    NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, 0 }

ZEREN_EXPORT int32_t zeren_edit_new(zeren_edit **out, zeren_error **err);
ZEREN_EXPORT void zeren_edit_free(zeren_edit *edit);
/* Insert or replace by id. */
ZEREN_EXPORT int32_t zeren_edit_put_unit(zeren_edit *edit, const zeren_unit_spec *unit,
                                         zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_put_person(zeren_edit *edit, const char *id, const char *name,
                                           zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_put_duty(zeren_edit *edit, const zeren_duty_spec *duty,
                                         zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_put_incident(zeren_edit *edit, const zeren_incident_spec *incident,
                                             zeren_error **err);
/* Append. */
ZEREN_EXPORT int32_t zeren_edit_add_post(zeren_edit *edit, const zeren_post_spec *post,
                                         zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_add_link(zeren_edit *edit, const zeren_link_spec *link,
                                         zeren_error **err);
/* Close an open-ended post or link: `to` is the first day it no longer holds. */
ZEREN_EXPORT int32_t zeren_edit_end_post(zeren_edit *edit, const char *person, const char *unit,
                                         int32_t role, int32_t to, zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_end_link(zeren_edit *edit, int32_t kind, const char *from,
                                         const char *to, int32_t end, zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_remove_unit(zeren_edit *edit, const char *id, zeren_error **err);
ZEREN_EXPORT int32_t zeren_edit_remove_person(zeren_edit *edit, const char *id, zeren_error **err);
/* Applies the batch to `model`, validates the result, and keeps it only if valid: on
   failure (ZEREN_ERR_INVALID_MODEL with problems) the model is exactly as it was. The edit
   is not consumed and may be applied again. */
ZEREN_EXPORT int32_t zeren_model_apply(zeren_model *model, const zeren_edit *edit,
                                       zeren_error **err);

/* ---- snapshots ---- */

/* Compiles the model for queries. The snapshot does not refer to the model afterwards. */
ZEREN_EXPORT int32_t zeren_snapshot_compile(const zeren_model *model, zeren_snapshot **out,
                                            zeren_error **err);
ZEREN_EXPORT uint32_t zeren_snapshot_unit_count(const zeren_snapshot *snapshot);
/* Level of a unit: the longest `leads` path from a root to it. */
ZEREN_EXPORT int32_t zeren_snapshot_unit_level(const zeren_snapshot *snapshot, const char *unit,
                                               uint32_t *out_level, zeren_error **err);
ZEREN_EXPORT void zeren_snapshot_free(zeren_snapshot *snapshot);

/* ---- the chain of a unit ---- */

typedef struct zeren_chain_entry {
  uint32_t struct_size;
  int32_t kind;            /* ZEREN_CHAIN_* */
  const char *person_id;   /* NULL when no person (vacant post, or a unit entry) */
  const char *person_name; /* NULL when no person */
  const char *unit_id;     /* the post's unit, body, guided unit or superior; NULL if none */
  const char *unit_name;
  uint32_t distance; /* steps up the `leads` links from the chain's unit */
  const char *reason;
} zeren_chain_entry;
#define ZEREN_CHAIN_ENTRY_INIT { sizeof(zeren_chain_entry), 0, NULL, NULL, NULL, NULL, 0, NULL }

/* Called once per entry, in order; return nonzero to stop early. */
typedef int32_t (*zeren_chain_fn)(void *payload, const zeren_chain_entry *entry);

ZEREN_EXPORT int32_t zeren_snapshot_chain(const zeren_snapshot *snapshot, const char *unit,
                                          int32_t as_of, zeren_chain **out, zeren_error **err);
ZEREN_EXPORT size_t zeren_chain_size(const zeren_chain *chain);
/* Fills *entry (up to entry->struct_size) with entry `index`; strings borrowed from chain. */
ZEREN_EXPORT int32_t zeren_chain_get(const zeren_chain *chain, size_t index,
                                     zeren_chain_entry *entry, zeren_error **err);
ZEREN_EXPORT int32_t zeren_chain_foreach(const zeren_chain *chain, zeren_chain_fn fn,
                                         void *payload, zeren_error **err);
/* {"unit", "as_of", "entries": [{"kind", "person"?, "unit"?, "distance", "reason"}]} */
ZEREN_EXPORT int32_t zeren_chain_to_json(const zeren_chain *chain, char **out, size_t *size,
                                         zeren_error **err);
ZEREN_EXPORT void zeren_chain_free(zeren_chain *chain);

/* ---- what a person answers for ---- */

typedef struct zeren_responsibility {
  uint32_t struct_size;
  int32_t kind; /* ZEREN_RESPONSIBILITY_* */
  const char *unit_id;
  const char *unit_name;
  int32_t role;          /* the post's role, or ZEREN_ROLE_NONE */
  const char *duty_id;   /* NULL unless a duty */
  const char *reason;
} zeren_responsibility;
#define ZEREN_RESPONSIBILITY_INIT \
  { sizeof(zeren_responsibility), 0, NULL, NULL, ZEREN_ROLE_NONE, NULL, NULL }

typedef int32_t (*zeren_responsibility_fn)(void *payload, const zeren_responsibility *entry);

ZEREN_EXPORT int32_t zeren_snapshot_person(const zeren_snapshot *snapshot, const char *person,
                                           int32_t as_of, zeren_person_view **out,
                                           zeren_error **err);
ZEREN_EXPORT size_t zeren_person_view_size(const zeren_person_view *view);
ZEREN_EXPORT int32_t zeren_person_view_get(const zeren_person_view *view, size_t index,
                                           zeren_responsibility *entry, zeren_error **err);
ZEREN_EXPORT int32_t zeren_person_view_foreach(const zeren_person_view *view,
                                               zeren_responsibility_fn fn, void *payload,
                                               zeren_error **err);
/* {"person", "as_of", "entries": [{"kind", "unit"?, "role"?, "duty"?, "reason"}]} */
ZEREN_EXPORT int32_t zeren_person_view_to_json(const zeren_person_view *view, char **out,
                                               size_t *size, zeren_error **err);
ZEREN_EXPORT void zeren_person_view_free(zeren_person_view *view);

/* Who held post (unit, role) on `as_of`: fn is called once per holder with the person's id
   and name and the post's dates (to: ZEREN_DATE_OPEN when open). Return nonzero to stop. */
typedef int32_t (*zeren_holder_fn)(void *payload, const char *person_id, const char *person_name,
                                   int32_t from, int32_t to);
ZEREN_EXPORT int32_t zeren_snapshot_holders(const zeren_snapshot *snapshot, const char *unit,
                                            int32_t role, int32_t as_of, zeren_holder_fn fn,
                                            void *payload, zeren_error **err);

/* ---- accountability: who answers for an incident ---- */

/* The default accountability policy as JSON (what `zeren policy --default` prints). */
ZEREN_EXPORT int32_t zeren_policy_default_json(char **out, size_t *size, zeren_error **err);

ZEREN_EXPORT uint32_t zeren_snapshot_incident_count(const zeren_snapshot *snapshot);
/* The parties incident `incident` (an id) reaches, under the model's policy. */
ZEREN_EXPORT int32_t zeren_snapshot_account(const zeren_snapshot *snapshot, const char *incident,
                                            zeren_accounting **out, zeren_error **err);
/* The same by position, 0 <= index < zeren_snapshot_incident_count (document order). */
ZEREN_EXPORT int32_t zeren_snapshot_account_index(const zeren_snapshot *snapshot, uint32_t index,
                                                  zeren_accounting **out, zeren_error **err);
/* Every incident of the model in one call: {"incidents": [...]} as `zeren account --all
   --json` prints it. */
ZEREN_EXPORT int32_t zeren_snapshot_account_all_json(const zeren_snapshot *snapshot, char **out,
                                                     size_t *size, zeren_error **err);

/* Number of parties, in the spec's order: degree descending, category precedence, person
   before unit, then id. */
ZEREN_EXPORT size_t zeren_accounting_size(const zeren_accounting *accounting);

/* One party; strings are borrowed from the accounting. */
typedef struct zeren_party {
  uint32_t struct_size;
  int32_t is_unit;      /* 1: a unit (as an organization), 0: a person */
  const char *id;
  const char *name;
  int32_t category;     /* ZEREN_CATEGORY_* of its strongest path */
  double degree;        /* in (0, 1], not rounded */
  int32_t form;         /* ZEREN_FORM_* */
  uint32_t upward_steps;       /* k of an upward path, else 0 */
  uint32_t adjustment_count;   /* zeren_accounting_adjustment */
  uint32_t because_count;      /* zeren_accounting_because */
} zeren_party;
#define ZEREN_PARTY_INIT { sizeof(zeren_party), 0, NULL, NULL, 0, 0.0, 0, 0, 0, 0 }

ZEREN_EXPORT int32_t zeren_accounting_get(const zeren_accounting *accounting, size_t index,
                                          zeren_party *party, zeren_error **err);

/* Bulk, column by column: each non-NULL array receives min(capacity, size) values; NULL
   arrays are skipped. *written (optional) receives the number of rows filled. */
typedef struct zeren_party_columns {
  uint32_t struct_size;
  size_t capacity;
  int32_t *is_unit;
  const char **ids;
  int32_t *categories;
  double *degrees;
  int32_t *forms;
  uint32_t *upward_steps;
} zeren_party_columns;
#define ZEREN_PARTY_COLUMNS_INIT { sizeof(zeren_party_columns), 0, NULL, NULL, NULL, NULL, NULL, NULL }

ZEREN_EXPORT int32_t zeren_accounting_fill(const zeren_accounting *accounting,
                                           const zeren_party_columns *columns, size_t *written,
                                           zeren_error **err);
/* Adjustment k of party `index`: "kind:+N", "kind:-N" or "kind:exempt". */
ZEREN_EXPORT int32_t zeren_accounting_adjustment(const zeren_accounting *accounting, size_t index,
                                                 size_t k, const char **text, zeren_error **err);
/* Reason k of party `index`, readable, with names and ids. Rendered when first asked for. */
ZEREN_EXPORT int32_t zeren_accounting_because(const zeren_accounting *accounting, size_t index,
                                              size_t k, const char **text, zeren_error **err);
/* The result as `zeren account --incident ID --json` prints it. */
ZEREN_EXPORT int32_t zeren_accounting_to_json(const zeren_accounting *accounting, char **out,
                                              size_t *size, zeren_error **err);
ZEREN_EXPORT void zeren_accounting_free(zeren_accounting *accounting);

/* ---- the directive ledger ---- */

/* The ledger as of a day: tasks of directives dated on or before it, with lights; each
   directive's level profile and break points. */
ZEREN_EXPORT int32_t zeren_snapshot_ledger(const zeren_snapshot *snapshot, int32_t as_of,
                                           zeren_ledger **out, zeren_error **err);
ZEREN_EXPORT size_t zeren_ledger_task_count(const zeren_ledger *ledger);

typedef struct zeren_task_row {
  uint32_t struct_size;
  const char *task_id;
  const char *directive_id;
  const char *unit_id;
  int32_t due;
  int32_t status;    /* ZEREN_STATUS_* */
  int32_t light;     /* ZEREN_LIGHT_* */
  int32_t completed; /* the recorded day, or ZEREN_DATE_OPEN */
  uint32_t failed_reviews; /* look-back reviews of this task, dated on or before as_of, that failed */
} zeren_task_row;
#define ZEREN_TASK_ROW_INIT { sizeof(zeren_task_row), NULL, NULL, NULL, 0, 0, 0, ZEREN_DATE_OPEN, 0 }

ZEREN_EXPORT int32_t zeren_ledger_task(const zeren_ledger *ledger, size_t index,
                                       zeren_task_row *row, zeren_error **err);
/* Bulk: the first min(capacity, task count) task ids and lights; either array may be NULL.
   *written (optional) receives the number of rows filled. */
ZEREN_EXPORT int32_t zeren_ledger_fill_lights(const zeren_ledger *ledger, const char **task_ids,
                                              int32_t *lights, size_t capacity, size_t *written,
                                              zeren_error **err);
ZEREN_EXPORT size_t zeren_ledger_directive_count(const zeren_ledger *ledger);
/* Directive `index`'s id and how many levels and break points it has. */
ZEREN_EXPORT int32_t zeren_ledger_directive(const zeren_ledger *ledger, size_t index,
                                            const char **directive_id, size_t *level_count,
                                            size_t *break_point_count, zeren_error **err);
/* Level `k` of directive `index`: its level number and counts. Any output may be NULL. */
ZEREN_EXPORT int32_t zeren_ledger_level(const zeren_ledger *ledger, size_t index, size_t k,
                                        uint32_t *level, uint32_t *reached, uint32_t *done,
                                        uint32_t *on_time, zeren_error **err);
ZEREN_EXPORT int32_t zeren_ledger_break_point(const zeren_ledger *ledger, size_t index, size_t k,
                                              const char **unit_id, zeren_error **err);
/* As `zeren ledger --json` prints it. */
ZEREN_EXPORT int32_t zeren_ledger_to_json(const zeren_ledger *ledger, char **out, size_t *size,
                                          zeren_error **err);
ZEREN_EXPORT void zeren_ledger_free(zeren_ledger *ledger);

/* Every unit's on-time rate over [from, to), in one call: `rates` receives one value per
   unit, in snapshot order (zeren_snapshot_unit_ids gives the ids), `capacity` >= the unit
   count. The same number the assessment's ledger.on_time_rate indicator uses. */
ZEREN_EXPORT int32_t zeren_snapshot_on_time_rates(const zeren_snapshot *snapshot, int32_t from,
                                                  int32_t to, double *rates, size_t capacity,
                                                  zeren_error **err);
/* The unit ids in snapshot order (level order): `ids` receives borrowed pointers valid while
   the snapshot lives; `capacity` >= the unit count. */
ZEREN_EXPORT int32_t zeren_snapshot_unit_ids(const zeren_snapshot *snapshot, const char **ids,
                                             size_t capacity, zeren_error **err);

/* ---- the chain-health audit ---- */

ZEREN_EXPORT int32_t zeren_snapshot_audit(const zeren_snapshot *snapshot, int32_t as_of,
                                          zeren_audit **out, zeren_error **err);
ZEREN_EXPORT size_t zeren_audit_size(const zeren_audit *audit);

typedef struct zeren_finding {
  uint32_t struct_size;
  int32_t kind;           /* ZEREN_FINDING_* */
  int32_t severity;       /* ZEREN_FINDING_SEVERITY_CRITICAL .. ZEREN_FINDING_SEVERITY_INFO */
  const char *unit_id;    /* or NULL */
  const char *person_id;  /* or NULL */
  const char *duty_id;    /* or NULL */
  const char *directive_id; /* or NULL */
  const char *detail;
} zeren_finding;
#define ZEREN_FINDING_INIT { sizeof(zeren_finding), 0, 0, NULL, NULL, NULL, NULL, NULL }

ZEREN_EXPORT int32_t zeren_audit_get(const zeren_audit *audit, size_t index,
                                     zeren_finding *finding, zeren_error **err);
/* As `zeren audit --json` prints it. */
ZEREN_EXPORT int32_t zeren_audit_to_json(const zeren_audit *audit, char **out, size_t *size,
                                         zeren_error **err);
ZEREN_EXPORT void zeren_audit_free(zeren_audit *audit);

/* ---- integrated assessment ---- */

/* The default assessment scheme as JSON (what `zeren scheme --default` prints). */
ZEREN_EXPORT int32_t zeren_scheme_default_json(char **out, size_t *size, zeren_error **err);

/* Assesses the model's assessment inputs with its scheme. ZEREN_ERR_NOT_FOUND when the model
   has no `assessment` section. */
ZEREN_EXPORT int32_t zeren_snapshot_assess(const zeren_snapshot *snapshot,
                                           zeren_assessment **out, zeren_error **err);
/* How zeren_snapshot_assess_with assesses; ZEREN_ASSESS_OPTIONS_INIT is what
   zeren_snapshot_assess uses. */
typedef struct zeren_assess_options {
  uint32_t struct_size;
  int32_t threads;        /* 0: chosen by size (1 below 65536 units); 1: the calling thread
                             only; any count gives the same results, bit for bit */
  int32_t score_members;  /* 1: zeren_assessment_people lists everyone holding a post; 0:
                             it leaves out the member roster's rows (plain members, each
                             scored by their branch's total), which a national organization
                             has a hundred million of: zeren_assessment_person_score gives
                             any one on demand */
} zeren_assess_options;
#define ZEREN_ASSESS_OPTIONS_INIT { sizeof(zeren_assess_options), 0, 1 }

/* zeren_snapshot_assess with options. ZEREN_ERR_INVALID_ARGUMENT for a negative thread
   count, a score_members other than 0 or 1, or a struct_size below its threads field. */
ZEREN_EXPORT int32_t zeren_snapshot_assess_with(const zeren_snapshot *snapshot,
                                                const zeren_assess_options *options,
                                                zeren_assessment **out, zeren_error **err);
ZEREN_EXPORT size_t zeren_assessment_unit_count(const zeren_assessment *assessment);

/* Bulk, by snapshot order (the order of zeren_snapshot_unit_ids): each non-NULL array
   receives one value per unit; `capacity` must be at least the unit count. Grades are
   indices into the scheme's grades (zeren_assessment_grade_id names them). */
typedef struct zeren_assessment_columns {
  uint32_t struct_size;
  size_t capacity;
  double *own;
  double *total;
  int32_t *grade;
  uint32_t *rank;          /* 1-based within the peer group (unit kind) */
  double *daily;
  int32_t *flag_count;
} zeren_assessment_columns;
#define ZEREN_ASSESSMENT_COLUMNS_INIT \
  { sizeof(zeren_assessment_columns), 0, NULL, NULL, NULL, NULL, NULL, NULL }

ZEREN_EXPORT int32_t zeren_assessment_fill(const zeren_assessment *assessment,
                                           const zeren_assessment_columns *columns,
                                           zeren_error **err);
/* The id of grade `grade` of the scheme ("good", ...); borrowed. */
ZEREN_EXPORT int32_t zeren_assessment_grade_id(const zeren_assessment *assessment, int32_t grade,
                                               const char **id, zeren_error **err);
/* The reasons of one unit's result, one line each, as `zeren assess --unit ID` prints them:
   calls fn once per line; return nonzero to stop. */
typedef int32_t (*zeren_line_fn)(void *payload, const char *line);
ZEREN_EXPORT int32_t zeren_assessment_explain(const zeren_assessment *assessment, const char *unit,
                                              zeren_line_fn fn, void *payload, zeren_error **err);
/* As `zeren assess --json` prints it; `unit` NULL for all units and people, or one unit. */
ZEREN_EXPORT int32_t zeren_assessment_to_json(const zeren_assessment *assessment, const char *unit,
                                              char **out, size_t *size, zeren_error **err);
/* People's scores in one call: `person_ids` receives borrowed ids and `scores` the scores
   of the first min(capacity, count) people holding a post in the period; *count (required)
   receives how many there are. Either array may be NULL to ask for the count first. */
ZEREN_EXPORT int32_t zeren_assessment_people(const zeren_assessment *assessment,
                                             const char **person_ids, double *scores,
                                             size_t capacity, size_t *count, zeren_error **err);
/* One person's score, listed by zeren_assessment_people or not (a member roster row left
   out by score_members = 0). ZEREN_ERR_NOT_FOUND for an unknown person or one holding no
   post in the period. */
ZEREN_EXPORT int32_t zeren_assessment_person_score(const zeren_assessment *assessment,
                                                   const char *person, double *score,
                                                   zeren_error **err);
ZEREN_EXPORT void zeren_assessment_free(zeren_assessment *assessment);

/* ---- need-to-know views (docs/views.md) ---- */

/* A view is a snapshot seen from one or more root units, for host software that shows
   results to people entitled to part of the organization only. Inside it are the roots,
   every unit below them through `leads` (any parent, over all dates), the people who hold or
   held a post in those units, and the incidents at them. Queries through a view refuse an
   outside unit, person or incident exactly as an unknown id: ZEREN_ERR_NOT_FOUND with
   "<function>: unit \"x\" is outside this view" (person, incident alike). Whatever a result
   would name outside is written "outside this view", or left out (docs/views.md, per query).
   Chains, person views, ledgers and audits come back as the ordinary handles, so every
   accessor and *_to_json above works on them. A view keeps its own reference to the
   snapshot's arrays (the snapshot may be freed first) and may be queried from several
   threads at once. */
typedef struct zeren_view zeren_view;

/* The view below `roots` (root_count >= 1 unit ids; repeats are harmless). */
ZEREN_EXPORT int32_t zeren_view_new(const zeren_snapshot *snapshot, const char *const *roots,
                                    size_t root_count, zeren_view **out, zeren_error **err);
ZEREN_EXPORT void zeren_view_free(zeren_view *view);
/* How many units and people are inside. */
ZEREN_EXPORT uint32_t zeren_view_unit_count(const zeren_view *view);
ZEREN_EXPORT uint32_t zeren_view_person_count(const zeren_view *view);
/* 1 when the unit (person) is inside the view; 0 when it is outside, unknown or NULL. */
ZEREN_EXPORT int32_t zeren_view_has_unit(const zeren_view *view, const char *unit);
ZEREN_EXPORT int32_t zeren_view_has_person(const zeren_view *view, const char *person);
/* The inside unit ids in snapshot order: `ids` receives the first min(capacity, count)
   borrowed ids (valid while the view lives; may be NULL to ask for the count), *count
   (required) how many there are. */
ZEREN_EXPORT int32_t zeren_view_unit_ids(const zeren_view *view, const char **ids,
                                         size_t capacity, size_t *count, zeren_error **err);

/* zeren_snapshot_chain through the view: entries naming anything outside keep their kind
   and distance, have no person and no unit, and the reason "outside this view". */
ZEREN_EXPORT int32_t zeren_view_chain(const zeren_view *view, const char *unit, int32_t as_of,
                                      zeren_chain **out, zeren_error **err);
/* zeren_snapshot_person through the view: only the entries whose units are all inside. */
ZEREN_EXPORT int32_t zeren_view_person(const zeren_view *view, const char *person,
                                       int32_t as_of, zeren_person_view **out,
                                       zeren_error **err);
/* zeren_snapshot_holders through the view (every holder of an inside post is inside). */
ZEREN_EXPORT int32_t zeren_view_holders(const zeren_view *view, const char *unit, int32_t role,
                                        int32_t as_of, zeren_holder_fn fn, void *payload,
                                        zeren_error **err);
/* zeren_accounting_to_json of an inside incident: an outside party is written
   {"party": "outside this view", "category", "degree", "form", "adjustments",
   "because": ["outside this view"]}, and inside parties' reasons write outside units and
   people as "a unit outside this view" and "a person outside this view". */
ZEREN_EXPORT int32_t zeren_view_account_json(const zeren_view *view, const char *incident,
                                             char **out, size_t *size, zeren_error **err);
/* Every inside incident, as zeren_snapshot_account_all_json writes them. */
ZEREN_EXPORT int32_t zeren_view_account_all_json(const zeren_view *view, char **out,
                                                 size_t *size, zeren_error **err);
/* The ledger of inside units: their tasks, and the directives reaching them (or issued
   inside) with level profiles and break points counted over inside units. */
ZEREN_EXPORT int32_t zeren_view_ledger(const zeren_view *view, int32_t as_of,
                                       zeren_ledger **out, zeren_error **err);
/* The findings about inside units and people; details name outside things as
   "a unit outside this view" / "a person outside this view". */
ZEREN_EXPORT int32_t zeren_view_audit(const zeren_view *view, int32_t as_of, zeren_audit **out,
                                      zeren_error **err);
/* zeren_assessment_to_json for inside units and people only (`unit` NULL: all of them).
   Ranks and grades are the whole organization's. The assessment is made on first use and
   kept by the view. ZEREN_ERR_NOT_FOUND when the model has no `assessment` section. */
ZEREN_EXPORT int32_t zeren_view_assessment_json(const zeren_view *view, const char *unit,
                                                char **out, size_t *size, zeren_error **err);
/* zeren_assessment_explain for an inside unit. */
ZEREN_EXPORT int32_t zeren_view_assessment_explain(const zeren_view *view, const char *unit,
                                                   zeren_line_fn fn, void *payload,
                                                   zeren_error **err);
/* ---- graph export and pictures ---- */

/* Graph formats (zeren_graph_options.format). */
#define ZEREN_GRAPH_GRAPHML 0
#define ZEREN_GRAPH_DOT 1

typedef struct zeren_graph_options {
  uint32_t struct_size;
  int32_t as_of;  /* required: the day whose units and links are drawn */
  int32_t format; /* ZEREN_GRAPH_* */
  /* NULL, or an assessment of the same snapshot: units then carry `grade` and `total`. */
  const zeren_assessment *assessment;
} zeren_graph_options;
#define ZEREN_GRAPH_OPTIONS_INIT \
  { sizeof(zeren_graph_options), ZEREN_DATE_OPEN, ZEREN_GRAPH_GRAPHML, NULL }

/* The hierarchy and its links as of options->as_of, as GraphML or DOT (docs/export.md lists
   the attributes), in a new string; *size (optional) receives its length. */
ZEREN_EXPORT int32_t zeren_snapshot_export_graph(const zeren_snapshot *snapshot,
                                                 const zeren_graph_options *options, char **out,
                                                 size_t *size, zeren_error **err);
/* The same, written to `path` atomically (temporary file, fsync, rename). */
ZEREN_EXPORT int32_t zeren_snapshot_export_graph_file(const zeren_snapshot *snapshot,
                                                      const zeren_graph_options *options,
                                                      const char *path, zeren_error **err);
/* A picture of the chain as Graphviz DOT text (render it with `dot -Tsvg`). */
ZEREN_EXPORT int32_t zeren_chain_to_dot(const zeren_chain *chain, char **out, size_t *size,
                                        zeren_error **err);
/* A picture of who answers for the incident, coloured by category, as DOT text. */
ZEREN_EXPORT int32_t zeren_accounting_to_dot(const zeren_accounting *accounting, char **out,
                                             size_t *size, zeren_error **err);
/* ---- synthetic organizations ----------------------------------------------------------
   A deterministic organization in a realistic shape (docs/generate.md), as `zeren generate`
   makes it: the same spec gives the same model on every platform. */

/* Called now and then with the fraction done, 0 to 1, increasing; 1 at the end. */
typedef void (*zeren_progress_fn)(void *payload, double fraction);

typedef struct zeren_generate_spec {
  uint32_t struct_size;
  int64_t units;          /* exactly this many units, 1 to 100000000 */
  int64_t members;        /* total members over the branches; -1: each branch's natural count */
  uint64_t seed;
  int32_t depth;          /* levels, 2 to 12; fewer when units are few */
  int32_t member_people;  /* 1: each member a person with a staff post and an appraisal;
                             0: counts only; -1: people when members are at most 350000000
                             (the member roster: see zeren/generate.h) */
  int32_t year;           /* the assessment period and the year of directives and incidents */
  zeren_progress_fn progress;  /* may be NULL */
  void *progress_payload;
} zeren_generate_spec;
#define ZEREN_GENERATE_SPEC_INIT \
  { sizeof(zeren_generate_spec), 1000, -1, 1, 8, -1, 2025, NULL, NULL }

/* A bad spec is ZEREN_ERR_INVALID_ARGUMENT, with the rule it breaks in the message. */
ZEREN_EXPORT int32_t zeren_generate(const zeren_generate_spec *spec, zeren_model **out,
                                    zeren_error **err);
/* ---- archives: a model, and optionally its snapshot, in a binary .zrn file ---- */

/* Writes the model, and `snapshot` when not NULL (it must be compiled from this model), to
   a .zrn archive atomically (temporary file, fsync, rename): a crash or kill mid-save leaves
   the previous file intact. A snapshot of another model is ZEREN_ERR_INVALID_ARGUMENT. */
ZEREN_EXPORT int32_t zeren_model_save_archive(const zeren_model *model, const char *path,
                                              const zeren_snapshot *snapshot, zeren_error **err);
/* Reads a .zrn archive into *out. `out_snapshot` may be NULL when no snapshot is wanted;
   otherwise it receives the archived snapshot, or NULL when the archive holds none (compile
   one with zeren_snapshot_compile). A missing, truncated, corrupt or foreign file, or one
   written by a newer zeren, is ZEREN_ERR_IO with a message starting with the path; an
   archived model that fails validation is ZEREN_ERR_INVALID_MODEL with problems. */
ZEREN_EXPORT int32_t zeren_model_load_archive(const char *path, zeren_model **out,
                                              zeren_snapshot **out_snapshot, zeren_error **err);
/* The same archive in memory: *out (freed with zeren_string_free) receives its bytes and
   *size (required) their count. */
ZEREN_EXPORT int32_t zeren_model_archive_to_buffer(const zeren_model *model,
                                                   const zeren_snapshot *snapshot, char **out,
                                                   size_t *size, zeren_error **err);
ZEREN_EXPORT int32_t zeren_model_load_archive_buffer(const char *data, size_t size,
                                                     zeren_model **out,
                                                     zeren_snapshot **out_snapshot,
                                                     zeren_error **err);
/* ---- CSV folders (docs/csv.md) ---- */

/* Reads a folder of CSV files, one per collection (model.csv, units.csv, posts.csv, ...; a
   missing file is an empty collection) and validates the model like a JSON document.
   Problems name their record as "file:line": the path of each problem is "posts.csv:9",
   its message the rest ("unknown unit \"x\""); the error message is the first problem
   and the count (ZEREN_ERR_INVALID_MODEL). ZEREN_ERR_IO when the folder or a file cannot
   be read. `present` may be NULL; otherwise *present receives the collections whose file
   was in the folder, comma-separated in the order of docs/csv.md ("units,people,posts"),
   freed with zeren_string_free (NULL on failure). */
ZEREN_EXPORT int32_t zeren_model_import_csv(const char *folder, zeren_model **out,
                                            char **present, zeren_error **err);

/* Flags of zeren_model_export_csv. */
#define ZEREN_CSV_BYTE_ORDER_MARK 1u /* start each file with a UTF-8 BOM (for spreadsheets) */

/* Writes every collection of `model` into `folder` (created when missing; its parent must
   exist), one CSV file each, each replaced atomically. `flags`: 0 or
   ZEREN_CSV_BYTE_ORDER_MARK. ZEREN_ERR_INVALID_ARGUMENT when an id in a list cell
   (in_charge_of, direct, participants) contains "|", the list separator; nothing is written
   then. ZEREN_ERR_IO when a file cannot be written. */
ZEREN_EXPORT int32_t zeren_model_export_csv(const zeren_model *model, const char *folder,
                                            uint32_t flags, zeren_error **err);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ZEREN_ZEREN_H_ */
