# Scoring split into shards and merged: `utad --shard` and `utad merge` on a copy of the sample, and
# the README's recipes (GNU Parallel; an array job on a single-node Slurm cluster brought up by the
# script, which needs root and is skipped without it). Each checks the merged report against a
# single run.
utad_add_test(test_shards SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_shards.cpp LIBS Qt6::Core ${OpenCV_LIBS} TIMEOUT 600)
target_compile_definitions(test_shards PRIVATE UTAD_CLI="$<TARGET_FILE:utad>")
add_dependencies(test_shards utad)

set(UTAD_SAMPLE_MODEL ${PROJECT_SOURCE_DIR}/resources/models/battery-weld-cpu.utad)
set(UTAD_SAMPLE_DATA ${PROJECT_SOURCE_DIR}/resources/samples/battery-weld)
add_test(NAME shard_parallel COMMAND ${PROJECT_SOURCE_DIR}/bench/shard_parallel.sh
         ${UTAD_SAMPLE_MODEL} ${UTAD_SAMPLE_DATA} 4 $<TARGET_FILE:utad>)
add_test(NAME shard_slurm COMMAND ${PROJECT_SOURCE_DIR}/scripts/slurm_local.sh
         ${UTAD_SAMPLE_MODEL} ${UTAD_SAMPLE_DATA} 4 $<TARGET_FILE:utad>)
set_tests_properties(shard_parallel shard_slurm PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
