#pragma once
// The one tiny model configuration the tests train: they check behaviour, not accuracy, and must
// take seconds on a busy 2-core machine.
#include "utad/model.h"

namespace utad::testing {

inline ModelConfig tinyConfig(Method method = Method::TwoStage)
{
    ModelConfig c = presetConfig("cpu", method);
    c.tileSize = 32;
    c.workingScale = 0.125;  // the 400 x 256 sample images become 50 x 32: two tiles
    c.ieWidth = 8;
    c.latentDim = 16;
    c.expertWidth = 4;
    c.naiveSamples = 2;
    c.ieSteps = 50;
    c.expertSteps = method == Method::TwoStage ? 50 : 0;
    c.batchSize = 4;
    c.segmenterSteps = 0;  // the tests that need one ask for it
    return c;
}

}  // namespace utad::testing
