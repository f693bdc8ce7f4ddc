# sluice-run export-python on a pipeline with a node the exporter cannot
# translate: must exit 2, name the node (id, title, type) and write nothing.
file(REMOVE ${OUT})
execute_process(COMMAND ${SLUICE_RUN} export-python ${PIPELINE} -o ${OUT}
                RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT code EQUAL 2)
  message(FATAL_ERROR "expected exit code 2, got ${code}: ${err}")
endif()
string(FIND "${err}" "cannot export node 'drift' (\"Pets against themselves\") of type evaluate.drift" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the error does not name the node: ${err}")
endif()
if(EXISTS ${OUT})
  message(FATAL_ERROR "${OUT} was written")
endif()
message(STATUS "refused as expected: ${err}")
