// The bad-input catalogue: tests/bad_inputs/catalogue.md lists every
// malformed CSV and .sluice input tried, with the message each produces.
// This test reads that table and runs every row through the real reader
// (readCsvFile) or loader (loadPipeline):
// - outcome "error": the read throws; the message contains the listed text
//   and the file's path, and, where the row gives a line (and column), the
//   error is about that place (CsvError::line()/column(); for .sluice files
//   "line L, column C" in the message).
// - outcome "warning": the input loads; one warning contains the text.
// - outcome "ok": the input loads without warnings; for CSV the text is
//   "R rows, C columns", for .sluice "N nodes, E edges".
// Inputs are paths relative to tests/. Rows with the reader "sluice (test
// nodes)" use the made-up catalog of tests/pipeline/fake_nodes.h (the
// fixtures in tests/pipeline/fixtures/malformed/ were written for it).
#include <QtTest>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "io/csv_reader.h"
#include "pipeline/fake_nodes.h"
#include "pipeline_io/pipeline_file.h"
#include "support/test_registry.h"

using namespace sluice;

namespace {

const std::string kTests = SLUICE_TESTS_DIR;

struct Case {
    std::string name, reader, input, options, outcome, line, column, wrong, message;
};

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    if (s.size() >= 2 && s.front() == '`' && s.back() == '`')
        s = s.substr(1, s.size() - 2);
    return s;
}

// The rows of the catalogue's table(s): lines starting with '|', less the
// header and separator rows. Cells: case, reader, input, options, outcome,
// line, column, what is wrong, message.
std::vector<Case> readCatalogue() {
    std::ifstream in(kTests + "/bad_inputs/catalogue.md");
    std::vector<Case> cases;
    std::string text;
    while (std::getline(in, text)) {
        if (text.empty() || text[0] != '|')
            continue;
        std::vector<std::string> cells;
        std::string cell;
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '|') {
                cell += '|';
                ++i;
            } else if (text[i] == '|') {
                cells.push_back(trim(cell));
                cell.clear();
            } else {
                cell += text[i];
            }
        }
        if (!cells.empty() && (cells[0] == "case" || cells[0].starts_with("---")))
            continue;  // the table's header and rule
        if (cells.size() != 9) {
            // A mistyped row must not vanish from the suite unnoticed: it
            // becomes a case that fails, naming the row.
            cases.push_back({"malformed catalogue row (" + std::to_string(cells.size()) +
                                 " cells, not 9): " + text,
                             "", "", "", "", "", "", "", ""});
            continue;
        }
        cases.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6],
                         cells[7], cells[8]});
    }
    return cases;
}

CsvReadOptions csvOptions(const std::string& text) {
    CsvReadOptions options;
    options.threads = 1;
    std::istringstream in(text);
    std::string item;
    while (in >> item) {
        if (item == "ragged=pad")
            options.raggedRows = RaggedRows::PadAndWarn;
        else if (item.starts_with("numeric="))
            options.columnKinds[item.substr(8)] = ColumnKind::Numeric;
        else
            throw std::invalid_argument("unknown option in the catalogue: " + item);
    }
    return options;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

class TestBadInputCatalogue : public QObject {
    Q_OBJECT

private slots:
    void catalogueIsComplete() {
        const std::vector<Case> cases = readCatalogue();
        int csv = 0, sluice = 0;
        std::set<std::string> names;
        for (const Case& c : cases) {
            QVERIFY2(names.insert(c.name).second, c.name.c_str());
            QVERIFY2(!c.wrong.empty() && !c.message.empty(), c.name.c_str());
            csv += c.reader == "csv";
            sluice += c.reader.starts_with("sluice");
        }
        qInfo("catalogue: %d CSV cases, %d .sluice cases", csv, sluice);
        QCOMPARE(csv + sluice, static_cast<int>(cases.size()));
        QVERIFY(cases.size() >= 40);
        QVERIFY(csv >= 20 && sluice >= 20);
    }

    void eachCaseGivesItsMessage_data() {
        QTest::addColumn<int>("index");
        const std::vector<Case> cases = readCatalogue();
        for (std::size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i].name.c_str()) << static_cast<int>(i);
    }

    void eachCaseGivesItsMessage() {
        QFETCH(int, index);
        const Case c = readCatalogue().at(static_cast<std::size_t>(index));
        const std::string path = kTests + "/" + c.input;
        std::string error;
        std::vector<std::string> warnings;
        std::string shape;
        std::size_t line = 0, column = 0;
        try {
            if (c.reader == "csv") {
                const CsvReadResult r = readCsvFile(path, csvOptions(c.options));
                warnings = r.warnings;
                shape = std::to_string(r.table->rowCount()) + " rows, " +
                        std::to_string(r.table->columnCount()) + " columns";
            } else {
                const PipelineLoadResult r = c.reader == "sluice"
                                                 ? loadPipeline(path)
                                                 : loadPipeline(path, sluice::testing::fakeNodes());
                for (const auto& w : r.warnings)
                    warnings.push_back(w.message);
                shape = std::to_string(r.graph.nodes().size()) + " nodes, " +
                        std::to_string(r.graph.edges().size()) + " edges";
            }
        } catch (const CsvError& e) {
            error = e.what();
            line = e.line();
            column = e.column();
        } catch (const std::exception& e) {
            error = e.what();
        }
        std::string all;
        for (const auto& w : warnings)
            all += "\n  warning: " + w;
        const std::string got = (error.empty() ? "loaded: " + shape : "error: " + error) + all;
        if (std::getenv("SLUICE_CATALOGUE_PRINT"))  // to update the table's messages
            qInfo("%s", got.c_str());

        if (c.outcome == "error") {
            QVERIFY2(!error.empty(), got.c_str());
            QVERIFY2(has(error, c.message), got.c_str());
            QVERIFY2(has(error, path), ("the message does not name the file: " + got).c_str());
            if (c.reader == "csv") {
                if (!c.line.empty())
                    QCOMPARE(std::to_string(line), c.line);
                if (!c.column.empty())
                    QCOMPARE(std::to_string(column), c.column);
            } else if (!c.line.empty()) {
                const std::string where =
                    "line " + c.line + (c.column.empty() ? "" : ", column " + c.column);
                QVERIFY2(has(error, where), got.c_str());
            }
        } else if (c.outcome == "warning") {
            QVERIFY2(error.empty(), got.c_str());
            bool found = false;
            for (const auto& w : warnings)
                found = found || has(w, c.message);
            QVERIFY2(found, got.c_str());
        } else {
            QCOMPARE(c.outcome, std::string("ok"));
            QVERIFY2(error.empty() && warnings.empty(), got.c_str());
            QCOMPARE(shape, c.message);
        }
    }
};

SLUICE_TEST_APPLESS_MAIN(TestBadInputCatalogue)
#include "test_bad_input_catalogue.moc"
