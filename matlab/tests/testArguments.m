function testArguments(~)
% Arguments pass through to the Java side, which declares the defaults and allowed values and checks every value:
% values of any MATLAB type arrive as they are, come back in their canonical spelling, and a wrong one is named.
o = bigru.trainingOptions('ADAM', 'Shuffle', 'Every-Epoch', 'Plots', 'Training-Progress', 'Verbose', 0, ...
                          'Seed', int32(5), 'MaxEpochs', single(3));
check(strcmp(o.Solver, 'adam') && strcmp(o.Shuffle, 'every-epoch') && strcmp(o.Plots, 'training-progress'), ...
      'choices come back canonical: %s %s %s', o.Solver, o.Shuffle, o.Plots);
check(islogical(o.Verbose) && ~o.Verbose, 'a number for a flag is a logical');
check(isa(o.Seed, 'double') && o.Seed == 5 && isa(o.MaxEpochs, 'double') && o.MaxEpochs == 3, 'numbers are doubles');
r = bigru.trainingOptions('adam', 'InitialLearnRate', 0.1, 'L2Regularization', pi / 1e5);
check(r.InitialLearnRate == 0.1 && r.L2Regularization == pi / 1e5, 'numbers cross exactly');
expectError(@() bigru.trainingOptions('adam', 'Shuffle', 3), ...
            'trainingOptions: the value of ''Shuffle'' must be ''once'', ''never'', ''every-epoch'', not 3$');
expectError(@() bigru.trainingOptions('adam', 'MaxEpochs', '7'), ...
            'the value of ''MaxEpochs'' must be a whole number of at least 1, not ''7''');
expectError(@() bigru.trainingOptions('adam', 'Verbose', NaN), ...
            'the value of ''Verbose'' must be true or false, not NaN');
expectError(@() bigru.trainingOptions('adam', 'CheckpointPath', {'a'}), ...
            'the value of ''CheckpointPath'' must be a string, not a 1-by-1 cell');
expectError(@() bigru.trainingOptions(), 'trainingOptions: solverName \(''adam'', ''sgdm'', ''rmsprop''\) is required');
% layers: defaults from Java; an optional positional argument is left out when an option name comes first
d = [bigru.dropoutLayer(); bigru.dropoutLayer('Name', 'd'); bigru.dropoutLayer(0.25, 'Name', 'e')];
check(isequal([d.Probability], [0.5 0.5 0.25]) && isequal({d.Name}, {'', 'd', 'e'}), ...
      'dropoutLayer probability and Name');
g = bigru.bigruLayer(3, 'resetgatemode', 'Before-Multiplication');
check(strcmp(g.ResetGateMode, 'before-multiplication'), 'ResetGateMode canonical');
expectError(@() bigru.bigruLayer(3, 'Name', [1 2]), ...
            'bigruLayer: the value of ''Name'' must be a string, not a 1-by-2 double');
expectError(@() bigru.gruLayer(3, 'MergeMode', 'sum'), '''MergeMode'' is not an option of gruLayer');
expectError(@() bigru.fullyConnectedLayer(), 'fullyConnectedLayer: outputSize is required');
% a layer array read back from the Java side has the fields the layer functions wrote, names filled in
layers = [bigru.sequenceInputLayer(3); bigru.bigruLayer(4, 'MergeMode', 'ave'); bigru.dropoutLayer(0.1); ...
          bigru.fullyConnectedLayer(1); bigru.regressionLayer];
back = bigru.internal.layersFromJava(bigru.internal.layerArray(layers, 'test'));
named = layers;
[named.Name] = deal('sequenceinput', 'bigru', 'dropout', 'fc', 'regressionoutput');
check(isequal(back, named), 'layers read back from Java');
% classify's and predict's options are checked only when given
expectError(@() bigru.internal.predictionOptions('classify', {'Acceleration', 'mex'}), ...
            'classify: the value of ''Acceleration'' must be ''auto'', ''none'', not ''mex''');
expectError(@() bigru.internal.predictionOptions('predict', {'SequenceLength', 'shortest'}), ...
            'predict: SequenceLength ''shortest'' is not supported');
bigru.internal.predictionOptions('predict', {'miniBatchSize', 16, 'ExecutionEnvironment', 'CPU'});
expectError(@() bigru.exportONNXNetwork(struct('Java', []), 'x.onnx', 'SequenceLengths', 'yes'), ...
            'exportONNXNetwork: the value of ''SequenceLengths'' must be true or false, not ''yes''');
end
