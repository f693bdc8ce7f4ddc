#pragma once

#include <QList>
#include <QString>

namespace sluice {

// The bundled example pipelines (resources/examples, installed to
// share/sluice/examples), for the Examples menu.
struct ExamplePipeline {
    QString path;
    QString name;         // meta "name", else the file's base name
    QString description;  // meta "description"
};

// The folder holding them: $SLUICE_EXAMPLES_DIR if set, else
// <executable>/../share/sluice/examples when it exists (installed), else
// the source tree's resources/examples (a build that was not installed).
// Empty if none exists.
QString examplesDirectory();

// Every *.sluice in examplesDirectory(), sorted by name.
QList<ExamplePipeline> examplePipelines();

}  // namespace sluice
