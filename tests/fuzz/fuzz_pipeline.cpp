// libFuzzer target: the `.sluice` loader (pipelineFromText). The only
// exception loading may throw is PipelineFileError. Whatever loads must save
// (pipelineToText) and load again without throwing, and saving that reload
// must give the same text (save -> load -> save is byte-identical, as
// pipeline_file.h promises).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "pipeline_io/pipeline_file.h"

namespace {

const std::string kBase = "/fuzz/pipelines";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    sluice::PipelineLoadResult loaded;
    try {
        loaded = sluice::pipelineFromText(text, kBase, sluice::builtinNodes(), "fuzz.sluice");
    } catch (const sluice::PipelineFileError&) {
        return 0;  // a documented, user-facing error
    }
    try {
        const std::string saved = sluice::pipelineToText(loaded.graph, kBase);
        const sluice::PipelineLoadResult reloaded =
            sluice::pipelineFromText(saved, kBase, sluice::builtinNodes(), "saved.sluice");
        const std::string savedAgain = sluice::pipelineToText(reloaded.graph, kBase);
        if (savedAgain != saved)
            sluice::fuzz::fail("save -> load -> save is not byte-identical:\n" + saved +
                               "\n--- then ---\n" + savedAgain);
    } catch (const std::exception& e) {
        sluice::fuzz::fail(std::string("a loaded pipeline failed to save and reload: ") + e.what());
    }
    return 0;
}
