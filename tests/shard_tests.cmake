# Scoring split into shards and merged: `utad --shard` and `utad merge` on a copy of the sample, and
# the README's recipes (GNU Parallel; an array job on a single-node Slurm cluster brought up by the
# script, which needs root and is skipped without it). Each checks the merged report against a
# single run. They share one tiny model trained on the sample first.
set(UTAD_SHARD_MODEL ${CMAKE_BINARY_DIR}/tests/shard-model.utad)
set(UTAD_SAMPLE_DATA ${PROJECT_SOURCE_DIR}/resources/samples/battery-weld)
set(UTAD_TINY_TRAIN --steps 50 --size 32 --set workingScale=0.125 --set ieWidth=8 --set latentDim=16
    --set expertWidth=4 --set naiveSamples=2 --set batchSize=4 --threads 2)
add_test(NAME shard_model COMMAND utad train --data ${UTAD_SAMPLE_DATA} ${UTAD_TINY_TRAIN} --out ${UTAD_SHARD_MODEL})
set_tests_properties(shard_model PROPERTIES TIMEOUT 600 FIXTURES_SETUP utad_shard_model)

utad_add_test(test_shards SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_shards.cpp LIBS Qt6::Core ${OpenCV_LIBS} TIMEOUT 600)
string(REPLACE ";" " " UTAD_TINY_TRAIN_TEXT "${UTAD_TINY_TRAIN}")
target_compile_definitions(test_shards PRIVATE UTAD_CLI="$<TARGET_FILE:utad>" UTAD_SHARD_MODEL="${UTAD_SHARD_MODEL}"
                           UTAD_TINY_TRAIN="${UTAD_TINY_TRAIN_TEXT}")
add_dependencies(test_shards utad)

add_test(NAME shard_parallel COMMAND ${PROJECT_SOURCE_DIR}/bench/shard_parallel.sh
         ${UTAD_SHARD_MODEL} ${UTAD_SAMPLE_DATA} 4 $<TARGET_FILE:utad>)
add_test(NAME shard_slurm COMMAND ${PROJECT_SOURCE_DIR}/scripts/slurm_local.sh
         ${UTAD_SHARD_MODEL} ${UTAD_SAMPLE_DATA} 4 $<TARGET_FILE:utad>)
set_tests_properties(test_shards shard_parallel shard_slurm PROPERTIES FIXTURES_REQUIRED utad_shard_model)
set_tests_properties(shard_parallel shard_slurm PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
