function testInterchange(ctx)
% exportONNXNetwork and importNetworkFromONNX round trip (every reset gate mode, a merge mode other than
% concat, both output modes); importKerasNetwork reads a Keras 3 and a Keras 2 file; files bigru cannot
% compute exactly are errors naming the node or layer.
rng(11);
[X, y] = toyData(12, 3);
responses = cellfun(@(x) cumsum(x(1, :)), X, 'UniformOutput', false);
modes = {'after-multiplication', 'recurrent-bias-after-multiplication', 'before-multiplication'};
for m = 1:numel(modes)
  layers = [sequenceInputLayer(3); bigruLayer(4, 'ResetGateMode', modes{m}, 'MergeMode', 'sum'); ...
            fullyConnectedLayer(1); regressionLayer];
  opts = trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 4, 'Verbose', false, 'Seed', m);
  net = trainNetwork(X, responses, layers, opts);
  file = fullfile(ctx.outDir, sprintf('interchange-%d.onnx', m));
  exportONNXNetwork(net, file);
  back = importNetworkFromONNX(file);
  check(strcmp(back.Layers(2).ResetGateMode, modes{m}), 'reset gate mode %s comes back, not %s', modes{m}, ...
        back.Layers(2).ResetGateMode);
  check(strcmp(back.Layers(2).MergeMode, 'sum'), 'merge mode sum comes back');
  a = predict(net, X);
  b = predict(back, X);
  worst = max(cellfun(@(p, q) max(abs(p(:) - q(:))), a, b));
  check(worst < 1e-5, 'the imported network predicts as the exported one (%g apart)', worst);
end
% output mode 'last', classification, sequence lengths in the graph
labels = y + 1;
layers = [sequenceInputLayer(3); bigruLayer(5, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; ...
          classificationLayer];
net = trainNetwork(X, labels, layers, trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 4, ...
                                                      'Verbose', false, 'Seed', 9));
file = fullfile(ctx.outDir, 'interchange-last.onnx');
exportONNXNetwork(net, file, 'SequenceLengths', true);
back = importNetworkFromONNX(file);
a = predict(net, X);
b = predict(back, X);
check(max(abs(a(:) - b(:))) < 1e-5, 'scores of the imported classifier');
% Keras
fixtures = fullfile(fileparts(mfilename('fullpath')), '..', '..', 'model', 'src', 'test', 'resources', ...
                    'interchange');
for name = {'keras_bigru_concat_sequence.keras', 'keras_bigru_concat_sequence.h5'}
  k = importKerasNetwork(fullfile(fixtures, name{1}));
  check(isequal({k.Layers.Type}, {'sequenceInput', 'bigru', 'fullyConnected', 'regression'}), ...
        'Keras layers: %s', strjoin({k.Layers.Type}, ', '));
  out = predict(k, X);
  check(all(cellfun(@(o, x) isequal(size(o), [2 size(x, 2)]), out, X)), 'two responses per time step');
end
expectError(@() importKerasNetwork(fullfile(fixtures, 'refused_keras_lambda.keras')), ...
            'importKerasNetwork: .*layer ''lambda'' \(Lambda\) is not supported');
expectError(@() importNetworkFromONNX(fullfile(fixtures, 'refused_gru_clip.onnx')), ...
            'importNetworkFromONNX: .*attribute clip=3.0 is not supported');
expectError(@() importNetworkFromONNX(fullfile(ctx.outDir, 'no-such-file.onnx')), 'importNetworkFromONNX: ');
expectError(@() exportONNXNetwork(net, file, 'Opset', 13), '''Opset'' is not an option');
end
