#include "app/runner/export_command.h"

#include <filesystem>

#include "app/runner/exit_codes.h"
#include "export/python_export.h"
#include "io/atomic_file.h"
#include "pipeline_io/pipeline_file.h"

namespace sluice::runner {

int runExportPythonCommand(const RunnerOptions& options, std::ostream& out, std::ostream& err) {
    auto fail = [&](const std::string& message, int code) {
        err << "sluice-run: " << message << '\n';
        return code;
    };
    PipelineLoadResult loaded;
    try {
        loaded = loadPipeline(options.pipeline);
    } catch (const std::exception& e) {
        return fail(e.what(), kExitBadInput);
    }
    for (const auto& warning : loaded.warnings)
        err << "sluice-run: warning: " << warning.message << '\n';

    const std::filesystem::path pipeline = std::filesystem::absolute(options.pipeline);
    PythonExportOptions exportOptions;
    exportOptions.baseDirectory = pipeline.parent_path().lexically_normal().string();
    exportOptions.sourceName = pipeline.filename().string();
    std::string script;
    try {
        script = exportPython(loaded.graph, exportOptions);
    } catch (const PythonExportError& e) {
        return fail("'" + options.pipeline + "': " + e.what(), kExitBadInput);
    }
    try {
        if (options.outputPath) {
            AtomicFileWriter writer(*options.outputPath);
            writer.write(script);
            writer.commit();
        } else {
            out << script;
            out.flush();
            if (!out)
                return fail("cannot write the script to standard output", kExitFailed);
        }
    } catch (const std::exception& e) {
        return fail(e.what(), kExitFailed);
    }
    return kExitOk;
}

}  // namespace sluice::runner
