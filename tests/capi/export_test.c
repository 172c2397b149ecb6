/* The C API of graph export and pictures (capi/zeren.h, "graph export and pictures"): GraphML
 * and DOT into strings and files, the options' checks, the chain's and the incident's DOT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *g_test_data = NULL;
static const char *g_examples = NULL;

static const char kSmallDot[] =
    "digraph G {\n"
    "as_of=\"2025-06-30\";\n"
    "\"u:org\" [discipline_secretary=\"\", discipline_secretary_id=\"\", head=\"Head Two\", head_id=\"p2\", id=\"org\", kind=\"leading_group\", label=\"党组 <Leading> & \\\"Co\\\"\\n(org)\", level=\"0\", members=\"5\", name=\"党组 <Leading> & \\\"Co\\\"\", secretary=\"书记 One\", secretary_id=\"p1\", shape=\"box\", style=\"rounded\", type=\"unit\"];\n"
    "\"u:dc\" [discipline_secretary=\"纪检 Three\", discipline_secretary_id=\"p3\", head=\"\", head_id=\"\", id=\"dc\", kind=\"discipline_commission\", label=\"纪检组\\n(dc)\", level=\"1\", members=\"3\", name=\"纪检组\", secretary=\"\", secretary_id=\"\", shape=\"box\", style=\"rounded\", type=\"unit\"];\n"
    "\"u:b1\" [discipline_secretary=\"\", discipline_secretary_id=\"\", head=\"\", head_id=\"\", id=\"b1\", kind=\"branch\", label=\"Branch\\\\One\\n(b1)\", level=\"1\", members=\"12\", name=\"Branch\\\\One\", secretary=\"\", secretary_id=\"\", shape=\"box\", style=\"rounded\", type=\"unit\"];\n"
    "\"u:b2\" [discipline_secretary=\"\", discipline_secretary_id=\"\", head=\"\", head_id=\"\", id=\"b2\", kind=\"node\", label=\"Joint 'Branch'\\n(b2)\", level=\"2\", members=\"7\", name=\"Joint 'Branch'\", secretary=\"\", secretary_id=\"\", shape=\"box\", style=\"rounded\", type=\"unit\"];\n"
    "\"p:p4\" [discipline_secretary=\"\", discipline_secretary_id=\"\", head=\"\", head_id=\"\", id=\"p4\", kind=\"\", label=\"Guide Four\\n(p4)\", level=\"0\", members=\"0\", name=\"Guide Four\", secretary=\"\", secretary_id=\"\", shape=\"ellipse\", style=\"dashed\", type=\"person\"];\n"
    "\"u:org\"->\"u:dc\"  [color=\"black\", kind=\"leads\", style=\"solid\", weight=\"1\"];\n"
    "\"u:org\"->\"u:b1\"  [color=\"black\", kind=\"leads\", style=\"solid\", weight=\"1\"];\n"
    "\"u:org\"->\"u:b2\"  [color=\"black\", kind=\"leads\", style=\"solid\", weight=\"0.75\"];\n"
    "\"u:org\"->\"u:b2\"  [color=\"#2c7fb8\", kind=\"specializes\", style=\"dashed\", weight=\"1\"];\n"
    "\"u:dc\"->\"u:org\"  [color=\"#c0392b\", kind=\"supervises\", style=\"dashed\", weight=\"1\"];\n"
    "\"u:b1\"->\"u:b2\"  [color=\"black\", kind=\"leads\", style=\"solid\", weight=\"0.25\"];\n"
    "\"p:p4\"->\"u:b2\"  [color=\"#2ca02c\", kind=\"guides\", style=\"dotted\", weight=\"1\"];\n"
    "}\n";

static const char kChainDot[] =
    "digraph \"chain\" {\n"
    "  graph [label=\"Chain of responsibility of Joint 'Branch' (b2) as of 2025-06-30\", labelloc=\"t\", rankdir=\"LR\", fontname=\"sans-serif\"];\n"
    "  node [fontname=\"sans-serif\", fontsize=\"10\"];\n"
    "  edge [fontname=\"sans-serif\", fontsize=\"9\"];\n"
    "  \"u:b2\" [label=\"Joint 'Branch'\\n(b2)\", shape=\"box\", style=\"rounded,bold\", penwidth=\"2\"];\n"
    "  \"vacant:0\" [label=\"vacant\\nsecretary\", shape=\"box\", style=\"dashed\", color=\"#c0392b\", fontcolor=\"#c0392b\", tooltip=\"the secretary post of Joint 'Branch' (b2) is vacant on 2025-06-30\"];\n"
    "  \"p:p4\" [label=\"Guide Four\\n(p4)\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#f5b971\", color=\"#d35400\"];\n"
    "  \"u:dc\" [label=\"纪检组\\n(dc)\", shape=\"box\", style=\"filled\", fillcolor=\"#f28e8e\", color=\"#c0392b\"];\n"
    "  \"p:p3\" [label=\"纪检 Three\\n(p3)\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#f28e8e\", color=\"#c0392b\"];\n"
    "  \"u:org\" [label=\"党组 <Leading> & \\\"Co\\\"\\n(org)\", shape=\"box\", style=\"filled\", fillcolor=\"#f7e08b\", color=\"#b7950b\"];\n"
    "  \"p:p1\" [label=\"书记 One\\n(p1)\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#d5d8dc\", color=\"#566573\"];\n"
    "  \"u:b1\" [label=\"Branch\\\\One\\n(b1)\", shape=\"box\", style=\"filled\", fillcolor=\"#d5d8dc\", color=\"#566573\"];\n"
    "  \"vacant:6\" [label=\"vacant\\nsecretary\", shape=\"box\", style=\"dashed\", color=\"#c0392b\", fontcolor=\"#c0392b\", tooltip=\"Branch\\\\One (b1) leads Joint 'Branch' (b2), 1 step up; its secretary post is vacant\"];\n"
    "  \"vacant:0\" -> \"u:b2\" [label=\"secretary\", style=\"dashed\", color=\"#c0392b\", tooltip=\"the secretary post of Joint 'Branch' (b2) is vacant on 2025-06-30\"];\n"
    "  \"p:p4\" -> \"u:b2\" [label=\"in_charge, 1 step up\", color=\"#d35400\", fontcolor=\"#d35400\", tooltip=\"Guide Four (p4), member of 党组 <Leading> & \\\"Co\\\" (org), is in charge of Branch\\\\One (b1), 1 step up\"];\n"
    "  \"u:dc\" -> \"u:b2\" [label=\"supervises, 1 step up\", color=\"#c0392b\", fontcolor=\"#c0392b\", tooltip=\"纪检组 (dc) supervises 党组 <Leading> & \\\"Co\\\" (org), 1 step up; its discipline secretary is 纪检 Three (p3)\"];\n"
    "  \"p:p3\" -> \"u:dc\" [label=\"discipline_secretary\", color=\"#c0392b\", fontcolor=\"#c0392b\", tooltip=\"纪检组 (dc) supervises 党组 <Leading> & \\\"Co\\\" (org), 1 step up; its discipline secretary is 纪检 Three (p3)\"];\n"
    "  \"u:org\" -> \"u:b2\" [label=\"specializes\", color=\"#b7950b\", fontcolor=\"#b7950b\", tooltip=\"党组 <Leading> & \\\"Co\\\" (org) specializes Joint 'Branch' (b2)\"];\n"
    "  \"p:p4\" -> \"u:b2\" [label=\"guide\", color=\"#1e8449\", fontcolor=\"#1e8449\", tooltip=\"Guide Four (p4) guides Joint 'Branch' (b2)\"];\n"
    "  \"u:org\" -> \"u:b2\" [label=\"leads, 1 step up\", color=\"#566573\", fontcolor=\"#566573\", tooltip=\"党组 <Leading> & \\\"Co\\\" (org) leads Joint 'Branch' (b2), 1 step up; its secretary is 书记 One (p1)\"];\n"
    "  \"p:p1\" -> \"u:org\" [label=\"secretary\", color=\"#566573\", fontcolor=\"#566573\", tooltip=\"党组 <Leading> & \\\"Co\\\" (org) leads Joint 'Branch' (b2), 1 step up; its secretary is 书记 One (p1)\"];\n"
    "  \"u:b1\" -> \"u:b2\" [label=\"leads, 1 step up\", color=\"#566573\", fontcolor=\"#566573\", tooltip=\"Branch\\\\One (b1) leads Joint 'Branch' (b2), 1 step up; its secretary post is vacant\"];\n"
    "  \"vacant:6\" -> \"u:b1\" [label=\"secretary\", style=\"dashed\", color=\"#c0392b\", tooltip=\"Branch\\\\One (b1) leads Joint 'Branch' (b2), 1 step up; its secretary post is vacant\"];\n"
    "  \"legend\" [shape=\"plaintext\", label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"4\"><tr><td border=\"0\">legend</td></tr><tr><td bgcolor=\"#9ecae1\" color=\"#2874a6\">post holders</td></tr><tr><td bgcolor=\"#f5b971\" color=\"#d35400\">in charge</td></tr><tr><td bgcolor=\"#f28e8e\" color=\"#c0392b\">supervisor</td></tr><tr><td bgcolor=\"#f7e08b\" color=\"#b7950b\">specialist</td></tr><tr><td bgcolor=\"#a9dfa0\" color=\"#1e8449\">guide</td></tr><tr><td bgcolor=\"#d5d8dc\" color=\"#566573\">superior</td></tr></table>>];\n"
    "}\n";

static const char kIncidentDot[] =
    "digraph \"accountability\" {\n"
    "  graph [label=\"Accountability for incident k1 (serious) at Branch\\\\One (b1) on 2025-04-01\", labelloc=\"t\", rankdir=\"LR\", fontname=\"sans-serif\"];\n"
    "  node [fontname=\"sans-serif\", fontsize=\"10\"];\n"
    "  edge [fontname=\"sans-serif\", fontsize=\"9\"];\n"
    "  \"i:k1\" [label=\"incident k1\\nserious, 2025-04-01\", shape=\"octagon\", style=\"bold\", color=\"#c0392b\"];\n"
    "  \"p:p6\" [label=\"Direct Six\\n(p6)\\ndirect, degree 1\\ndisciplinary_sanction\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#f28e8e\", color=\"#c0392b\", tooltip=\"Direct Six (p6) is named as direct in k1\"];\n"
    "  \"u:b1\" [label=\"Branch\\\\One\\n(b1)\\noverall_leadership, degree 0.8\\ncirculated_notice\", shape=\"box\", style=\"filled\", fillcolor=\"#c9a7dd\", color=\"#7d3c98\", tooltip=\"the incident happened at Branch\\\\One (b1)\"];\n"
    "  \"p:p4\" [label=\"Guide Four\\n(p4)\\nmain_leadership, degree 0.6\\nadmonishment\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#f5b971\", color=\"#d35400\", tooltip=\"Guide Four (p4), member of 党组 <Leading> & \\\"Co\\\" (org) from 2020-01-01, is in charge of Branch\\\\One (b1)\"];\n"
    "  \"p:p3\" [label=\"纪检 Three\\n(p3)\\nsupervisory, degree 0.4\\ncirculated_notice\", shape=\"ellipse\", style=\"filled\", fillcolor=\"#9ecae1\", color=\"#2874a6\", tooltip=\"纪检 Three (p3), discipline_secretary of 纪检组 (dc) from 2020-01-01, which supervises 党组 <Leading> & \\\"Co\\\" (org), 1 step above Branch\\\\One (b1)\"];\n"
    "  \"p:p6\" -> \"i:k1\" [color=\"#c0392b\", tooltip=\"Direct Six (p6) is named as direct in k1\"];\n"
    "  \"u:b1\" -> \"i:k1\" [color=\"#7d3c98\", tooltip=\"the incident happened at Branch\\\\One (b1)\"];\n"
    "  \"p:p4\" -> \"i:k1\" [color=\"#d35400\", tooltip=\"Guide Four (p4), member of 党组 <Leading> & \\\"Co\\\" (org) from 2020-01-01, is in charge of Branch\\\\One (b1)\"];\n"
    "  \"p:p3\" -> \"i:k1\" [color=\"#2874a6\", tooltip=\"纪检 Three (p3), discipline_secretary of 纪检组 (dc) from 2020-01-01, which supervises 党组 <Leading> & \\\"Co\\\" (org), 1 step above Branch\\\\One (b1)\"];\n"
    "  \"legend\" [shape=\"plaintext\", label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"4\"><tr><td border=\"0\">legend</td></tr><tr><td bgcolor=\"#f28e8e\" color=\"#c0392b\">direct</td></tr><tr><td bgcolor=\"#f5b971\" color=\"#d35400\">main_leadership</td></tr><tr><td bgcolor=\"#c9a7dd\" color=\"#7d3c98\">overall_leadership</td></tr><tr><td bgcolor=\"#9ecae1\" color=\"#2874a6\">supervisory</td></tr></table>>];\n"
    "}\n";

static zeren_snapshot *load(const char *folder, const char *file) {
  char path[1024];
  zeren_model *model = NULL;
  zeren_snapshot *snapshot = NULL;
  zeren_error *err = NULL;
  snprintf(path, sizeof path, "%s/%s", folder, file);
  CHECK_OK(zeren_model_load_file(path, &model, &err));
  CHECK_OK(zeren_snapshot_compile(model, &snapshot, &err));
  zeren_model_free(model);
  return snapshot;
}

static int32_t day(const char *text) {
  int32_t d = 0;
  zeren_error *err = NULL;
  CHECK_OK(zeren_date_parse(text, &d, &err));
  return d;
}

static size_t count(const char *text, const char *needle) {
  size_t n = 0;
  const char *p = text;
  while ((p = strstr(p, needle)) != NULL) {
    ++n;
    p += strlen(needle);
  }
  return n;
}

/* The whole file, NUL-terminated; NULL if it cannot be read. */
static char *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long length;
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  length = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = malloc((size_t)length + 1);
  if (data != NULL && fread(data, 1, (size_t)length, f) == (size_t)length) {
    data[length] = '\0';
    *size = (size_t)length;
  } else {
    free(data);
    data = NULL;
  }
  fclose(f);
  return data;
}

static void test_graphml_and_dot(void) {
  zeren_snapshot *s = load(g_test_data, "export/small.json");
  zeren_graph_options options = ZEREN_GRAPH_OPTIONS_INIT;
  zeren_error *err = NULL;
  char *text = NULL;
  size_t size = 0;
  options.as_of = day("2025-06-30");

  CHECK_OK(zeren_snapshot_export_graph(s, &options, &text, &size, &err));
  CHECK_INT(size, strlen(text));
  CHECK(strncmp(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 47) == 0);
  CHECK_INT(count(text, "<node id="), 5);
  CHECK_INT(count(text, "<edge id="), 7);
  CHECK(strstr(text, "<data key=\"key10\">党组 &lt;Leading&gt; &amp; &quot;Co&quot;</data>") != NULL);
  CHECK(strstr(text, "<data key=\"key14\">0.75</data>") != NULL);
  zeren_string_free(text);

  options.format = ZEREN_GRAPH_DOT;
  CHECK_OK(zeren_snapshot_export_graph(s, &options, &text, NULL, &err));
  CHECK_STR(text, kSmallDot);
  zeren_string_free(text);

  /* A day earlier: the dissolved unit and the ended guides links are back. */
  options.format = ZEREN_GRAPH_GRAPHML;
  options.as_of = day("2024-06-30");
  CHECK_OK(zeren_snapshot_export_graph(s, &options, &text, NULL, &err));
  CHECK_INT(count(text, "<node id="), 7);
  CHECK_INT(count(text, "<edge id="), 10);
  zeren_string_free(text);
  zeren_snapshot_free(s);
}

static void test_file(void) {
  zeren_snapshot *s = load(g_test_data, "export/small.json");
  zeren_graph_options options = ZEREN_GRAPH_OPTIONS_INIT;
  zeren_error *err = NULL;
  char *text = NULL, *written = NULL;
  size_t size = 0, written_size = 0;
  const char *path = "zeren_export_test.dot";
  options.as_of = day("2025-06-30");
  options.format = ZEREN_GRAPH_DOT;
  CHECK_OK(zeren_snapshot_export_graph(s, &options, &text, &size, &err));
  CHECK_OK(zeren_snapshot_export_graph_file(s, &options, path, &err));
  written = read_file(path, &written_size);
  CHECK(written != NULL);
  CHECK_INT(written_size, size);
  CHECK_STR(written, text);
  free(written);
  remove(path);
  zeren_string_free(text);

  CHECK_ERR(zeren_snapshot_export_graph_file(s, &options, "/nonexistent-zeren-folder/g.dot", &err),
            ZEREN_ERR_IO,
            "/nonexistent-zeren-folder/g.dot: cannot create a temporary file: No such file or "
            "directory");
  zeren_snapshot_free(s);
}

static void test_assessment(void) {
  zeren_snapshot *demo = load(g_examples, "organ.json");
  zeren_snapshot *small = load(g_test_data, "export/small.json");
  zeren_assessment *assessment = NULL;
  zeren_graph_options options = ZEREN_GRAPH_OPTIONS_INIT;
  zeren_error *err = NULL;
  char *text = NULL;
  CHECK_OK(zeren_snapshot_assess(demo, &assessment, &err));
  options.as_of = day("2025-06-30");
  options.assessment = assessment;
  CHECK_OK(zeren_snapshot_export_graph(demo, &options, &text, NULL, &err));
  CHECK_INT(count(text, "<node id="), 218);
  CHECK_INT(count(text, "<edge id="), 276);
  CHECK(strstr(text, "<key id=\"key3\" for=\"node\" attr.name=\"grade\" attr.type=\"string\" />") != NULL);
  CHECK(strstr(text, "<key id=\"key14\" for=\"node\" attr.name=\"total\" attr.type=\"double\" />") != NULL);
  zeren_string_free(text);

  CHECK_ERR(zeren_snapshot_export_graph(small, &options, &text, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_export_graph: options->assessment is not an assessment of this "
            "snapshot");
  CHECK(text == NULL);
  zeren_assessment_free(assessment);
  zeren_snapshot_free(small);
  zeren_snapshot_free(demo);
}

static void test_bad_arguments(void) {
  zeren_snapshot *s = load(g_test_data, "export/small.json");
  zeren_graph_options options = ZEREN_GRAPH_OPTIONS_INIT;
  zeren_error *err = NULL;
  char *text = (char *)"untouched";
  size_t size = 99;

  /* as_of is required. */
  CHECK_ERR(zeren_snapshot_export_graph(s, &options, &text, &size, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_export_graph: options->as_of is required (not ZEREN_DATE_OPEN)");
  CHECK(text == NULL);
  CHECK_INT(size, 0);
  options.as_of = day("2025-06-30");
  options.format = 2;
  CHECK_ERR(zeren_snapshot_export_graph(s, &options, &text, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_export_graph: options->format 2 is not a ZEREN_GRAPH_* value");
  options.format = ZEREN_GRAPH_GRAPHML;
  options.struct_size = 4;
  CHECK_ERR(zeren_snapshot_export_graph(s, &options, &text, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_export_graph: options->struct_size 4 is below 8");
  options.struct_size = sizeof options;
  CHECK_ERR(zeren_snapshot_export_graph(NULL, &options, &text, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_snapshot_export_graph: snapshot is NULL");
  CHECK_ERR(zeren_snapshot_export_graph(s, NULL, &text, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_snapshot_export_graph: options is NULL");
  CHECK_ERR(zeren_snapshot_export_graph(s, &options, NULL, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_snapshot_export_graph: out is NULL");
  CHECK_ERR(zeren_snapshot_export_graph_file(s, &options, NULL, &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_snapshot_export_graph_file: path is NULL");
  CHECK_ERR(zeren_snapshot_export_graph_file(NULL, &options, "x.graphml", &err),
            ZEREN_ERR_INVALID_ARGUMENT, "zeren_snapshot_export_graph_file: snapshot is NULL");
  /* Without an error to fill, the code alone. */
  CHECK_INT(zeren_snapshot_export_graph(s, NULL, &text, NULL, NULL), ZEREN_ERR_INVALID_ARGUMENT);
  CHECK_ERR(zeren_chain_to_dot(NULL, &text, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_chain_to_dot: chain is NULL");
  CHECK_ERR(zeren_accounting_to_dot(NULL, &text, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_accounting_to_dot: accounting is NULL");
  zeren_snapshot_free(s);
}

static void test_pictures(void) {
  zeren_snapshot *s = load(g_test_data, "export/small.json");
  zeren_chain *chain = NULL;
  zeren_accounting *accounting = NULL;
  zeren_error *err = NULL;
  char *text = NULL;
  size_t size = 0;
  CHECK_OK(zeren_snapshot_chain(s, "b2", day("2025-06-30"), &chain, &err));
  CHECK_OK(zeren_chain_to_dot(chain, &text, &size, &err));
  CHECK_STR(text, kChainDot);
  CHECK_INT(size, strlen(kChainDot));
  zeren_string_free(text);
  CHECK_ERR(zeren_chain_to_dot(chain, NULL, NULL, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_chain_to_dot: out is NULL");

  CHECK_OK(zeren_snapshot_account(s, "k1", &accounting, &err));
  CHECK_OK(zeren_accounting_to_dot(accounting, &text, NULL, &err));
  CHECK_STR(text, kIncidentDot);
  zeren_string_free(text);
  CHECK_ERR(zeren_accounting_to_dot(accounting, NULL, &size, &err), ZEREN_ERR_INVALID_ARGUMENT,
            "zeren_accounting_to_dot: out is NULL");
  CHECK_INT(size, 0);

  zeren_accounting_free(accounting);
  zeren_chain_free(chain);
  zeren_snapshot_free(s);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s TEST_DATA_DIR EXAMPLES_DIR\n", argv[0]);
    return 2;
  }
  g_test_data = argv[1];
  g_examples = argv[2];

  test_graphml_and_dot();
  test_file();
  test_assessment();
  test_bad_arguments();
  test_pictures();

  printf("%d checks, %d failed\n", g_checks, g_failures);
  return g_failures == 0 ? 0 : 1;
}
