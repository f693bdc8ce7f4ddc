// data.read_csv: a CSV file as a Table, with every reader option as a
// parameter ("auto" leaves detection to the reader). Reader warnings go to
// the run log; a reader error becomes a NodeError carrying its message
// (file, line, column).
#include <limits>

#include "io/csv_reader.h"
#include "nodes/column_params.h"
#include "nodes/python_context.h"

namespace sluice {
namespace {

using namespace node_params;

std::optional<char> delimiterOf(const std::string& choice) {
    if (choice == "comma")
        return ',';
    if (choice == "semicolon")
        return ';';
    if (choice == "tab")
        return '\t';
    if (choice == "pipe")
        return '|';
    if (choice == "spaces")
        return kWhitespaceDelimiter;
    return std::nullopt;  // auto
}

std::optional<bool> yesNoAuto(const std::string& choice) {
    if (choice == "yes")
        return true;
    if (choice == "no")
        return false;
    return std::nullopt;
}

class ReadCsvNode : public NodeType {
public:
    ReadCsvNode()
        : NodeType({
              .id = "data.read_csv",
              .displayName = "Read CSV",
              .category = NodeCategory::Data,
              .description = "Reads a CSV file into a table, detecting delimiter, header, "
                             "decimal comma and column types.",
              .inputs = {},
              .outputs = {{"table", PortType::Table, "Table", true, "The rows of the file."}},
              .params =
                  {
                      pathParam("path", "File", "The CSV file to read."),
                      choiceParam("delimiter", "Delimiter",
                                  {"auto", "comma", "semicolon", "tab", "pipe", "spaces"}, "auto",
                                  "What separates fields; auto detects it."),
                      choiceParam("header", "Header row", {"auto", "yes", "no"}, "auto",
                                  "Whether the first row holds column names; auto detects it."),
                      choiceParam("decimal_comma", "Decimal comma", {"auto", "yes", "no"}, "auto",
                                  "Whether numbers are written 3,14; auto detects it (only "
                                  "with a delimiter other than comma)."),
                      stringParam("missing_tokens", "Missing values", "NA,N/A,NaN,null,?",
                                  "Comma-separated unquoted values that mean missing; an empty "
                                  "field is always missing."),
                      intParam("max_rows", "Maximum rows", 0, 0, std::nullopt,
                               "Read at most this many data rows; 0 reads them all."),
                      choiceParam("ragged_rows", "Rows of the wrong length", {"fail", "pad"},
                                  "fail",
                                  "fail stops at a row with too few or too many fields; pad "
                                  "fills short rows with missing values, drops extra fields "
                                  "and warns."),
                      intParam("max_categorical_levels", "Maximum categories", 1000, 0,
                               std::nullopt,
                               "A non-numeric column with at most this many distinct, "
                               "repeating values becomes categorical; otherwise text."),
                      boolParam("parse_dates", "Read dates", true,
                                "A column whose every value is a date (2024-03-01, "
                                "2024-03-01 14:30:00) becomes a datetime column."),
                      stringParam("date_format", "Date format", "",
                                  "Read dates written another way, such as %d/%m/%Y or "
                                  "%d %b %Y %H:%M; empty reads ISO 8601 dates."),
                  },
              .version = 1,
          }) {}

    PortValues run(const PortValues& /*inputs*/, const nlohmann::json& params,
                   RunContext& context) const override {
        const std::string path = params.at("path").get<std::string>();
        if (path.empty())
            throw NodeError("parameter 'path': no file chosen");
        CsvReadOptions options;
        options.delimiter = delimiterOf(params.at("delimiter").get<std::string>());
        options.header = yesNoAuto(params.at("header").get<std::string>());
        options.decimalComma = yesNoAuto(params.at("decimal_comma").get<std::string>());
        options.missingTokens = splitList(params.at("missing_tokens").get<std::string>());
        options.missingTokens.insert(options.missingTokens.begin(), "");
        options.maxRows = params.at("max_rows").get<std::size_t>();
        options.raggedRows = params.at("ragged_rows").get<std::string>() == "pad"
                                 ? RaggedRows::PadAndWarn
                                 : RaggedRows::Fail;
        options.maxCategoricalLevels = params.at("max_categorical_levels").get<std::size_t>();
        options.threads = context.fit.threads;
        options.parseDates = params.at("parse_dates").get<bool>();
        options.dateFormat = params.at("date_format").get<std::string>();

        context.fit.progress(0.0, "reading");
        CsvReadResult result;
        try {
            result = readCsvFile(context.resolvePath(path), options);
        } catch (const CsvError& e) {
            throw NodeError(e.what());
        }
        context.fit.throwIfCancelled();
        for (const auto& warning : result.warnings)
            context.log(warning);
        if (result.truncated)
            context.log("read only the first " + std::to_string(options.maxRows) +
                        " rows (max_rows)");
        context.fit.progress(1.0);
        return {{"table", result.table}};
    }

    std::optional<std::string> python(const PythonContext& c) const override {
        using python_export::pyValue;
        const std::string path = c.text("path");
        if (path.empty())
            throw NodeError("parameter 'path': no file chosen");
        const std::string d = c.text("delimiter");
        const std::string sep = d == "comma"       ? "\",\""
                                : d == "semicolon" ? "\";\""
                                : d == "tab"       ? "\"\\t\""
                                : d == "pipe"      ? "\"|\""
                                : d == "spaces"    ? "r\"\\s+\""
                                                   : "None";
        const std::string h = c.text("header");
        const std::string header = h == "yes" ? "0" : h == "no" ? "None" : "\"infer\"";
        std::vector<std::string> missing = {""};
        for (const auto& token : node_params::splitList(c.text("missing_tokens")))
            missing.push_back(token);
        return "# pandas types columns by itself: text stays text (Sluice makes a column with "
               "few\n"
               "# distinct values categorical, which changes nothing below). sep=None lets "
               "pandas\n"
               "# sniff the delimiter, as Sluice's \"auto\" does.\n" +
               c.output("table") + " = read_csv(\n    " + c.pathExpression(path) +
               ",\n    sep=" + sep + ", header=" + header +
               ", decimal=" + (c.text("decimal_comma") == "yes" ? "\",\"" : "\".\"") +
               ",\n    missing=" + pyValue(nlohmann::json(missing)) +
               ", max_rows=" + std::to_string(c.params.value("max_rows", 0LL)) +
               (c.params.value("parse_dates", true) ? "" : ",\n    parse_dates=False") +
               (c.text("date_format").empty()
                    ? ""
                    : ",\n    date_format=" + python_export::pyString(c.text("date_format"))) +
               ")\n";
    }
};

}  // namespace

std::unique_ptr<NodeType> makeReadCsvNode() {
    return std::make_unique<ReadCsvNode>();
}

}  // namespace sluice
