function testTrainingOptions(~)
% trainingOptions: MATLAB's names and defaults; unknown names and bad values are errors naming them.
o = bigru.trainingOptions('adam');
check(o.MaxEpochs == 30 && o.MiniBatchSize == 128 && o.InitialLearnRate == 0.001, 'adam defaults');
check(o.L2Regularization == 1e-4 && isinf(o.GradientThreshold) && strcmp(o.GradientThresholdMethod, 'l2norm'), ...
      'regularization defaults');
check(strcmp(o.Shuffle, 'once') && o.ValidationFrequency == 50 && isinf(o.ValidationPatience), 'shuffle/validation');
check(strcmp(o.SequenceLength, 'longest') && strcmp(o.SequencePaddingDirection, 'right'), 'sequence defaults');
check(o.Verbose == true && o.VerboseFrequency == 50 && strcmp(o.Plots, 'none'), 'display defaults');
check(o.SquaredGradientDecayFactor == 0.999 && o.GradientDecayFactor == 0.9 && o.Epsilon == 1e-8, 'adam factors');
check(isempty(o.ValidationData) && isempty(o.Seed), 'ValidationData and Seed empty');
s = bigru.trainingOptions('sgdm');
check(s.InitialLearnRate == 0.01 && s.Momentum == 0.9, 'sgdm defaults');
r = bigru.trainingOptions('rmsprop');
check(r.SquaredGradientDecayFactor == 0.9, 'rmsprop default decay');
m = bigru.trainingOptions('adam', 'maxepochs', 3, 'MINIBATCHSIZE', 7);
check(m.MaxEpochs == 3 && m.MiniBatchSize == 7, 'names are case-insensitive');
expectError(@() bigru.trainingOptions('adam', 'MaxEpoch', 3), '''MaxEpoch'' is not an option of trainingOptions');
expectError(@() bigru.trainingOptions('adamw'), 'solverName must be ''adam'', ''sgdm'', ''rmsprop'', not ''adamw''');
expectError(@() bigru.trainingOptions('adam', 'MaxEpochs', 0), '''MaxEpochs'' must be a whole number of at least 1');
expectError(@() bigru.trainingOptions('adam', 'InitialLearnRate', -1), '''InitialLearnRate'' must be a finite number > 0');
expectError(@() bigru.trainingOptions('adam', 'Shuffle', 'sometimes'), '''Shuffle'' must be ''once'', ''never'', ''every-epoch''');
l = bigru.trainingOptions('adam', 'GradientThreshold', 1);
check(l.GradientThreshold == 1 && strcmp(l.GradientThresholdMethod, 'l2norm'), 'per-parameter l2norm accepted');
expectError(@() bigru.trainingOptions('adam', 'ValidationData', {1}), 'ValidationData must be a cell array');
expectError(@() bigru.trainingOptions('adam', 'MaxEpochs'), 'expected name-value pairs');
g = bigru.trainingOptions('adam', 'GradientThreshold', 1, 'GradientThresholdMethod', 'global-l2norm');
check(g.GradientThreshold == 1, 'global-l2norm accepted');
end
