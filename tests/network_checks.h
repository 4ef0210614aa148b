#pragma once
// Largest absolute difference between a network shortcut taken at inference and the layers as
// trained (1e30 where the shapes differ). Implemented without Qt, in network_checks.cpp.

// A reflection-padded conv of `kernel` x `kernel` after nearest 2x upsampling of a
// `width` x `height` input.
double upsampledConvDifference(int kernel, int width, int height);
// The Expert-Net's decoder (its upsampling convs).
double decoderInferenceDifference();
// An inception block with trained batch-norm statistics after nearest upsampling by `factor`.
double inceptionUpsampledDifference(int factor, int width, int height);
// The IE-Net with trained batch-norm statistics, with `skipLevels` skip connections.
double impressionInferenceDifference(int skipLevels);
// The defect segmenter with trained batch-norm statistics on a `width` x `height` input.
double segmenterInferenceDifference(int width, int height);
// Both networks without gradients under ExactLayersGuard, against the layers as trained: 0 when
// the guard turns every shortcut off.
double exactLayersDifference();
