function testNormalization(ctx)
% sequenceInputLayer's Normalization: the statistics are computed from the training data as MATLAB defines them
% (per channel over every time step of every training sequence; StandardDeviation the population one, divisor N;
% 'all': over all values), kept in the network, shown in its Layers(1), applied whenever it predicts, and saved
% with it.
rng(41);
X = arrayfun(@(i) [3 + 2 * randn(1, 4 + mod(i, 5)); -5 + 0.5 * randn(1, 4 + mod(i, 5)); 100 * rand(1, 4 + mod(i, 5))], ...
             (1:30)', 'UniformOutput', false);
y = cellfun(@(x) double(mean(x(1, :)) > 3), X);
all = [X{:}];
mu = mean(all, 2);
sigma = std(all, 1, 2);
lo = min(all, [], 2);
hi = max(all, [], 2);
opts = trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 10, 'Verbose', false, 'Seed', 3);
tail = [bigruLayer(4, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; classificationLayer];
net = trainNetwork(X, y, [sequenceInputLayer(3, 'Normalization', 'zscore'); tail], opts);
in = net.Layers(1);
check(strcmp(in.Normalization, 'zscore') && isequal(size(in.Mean), [3 1]) && isequal(size(in.StandardDeviation), [3 1]), ...
      'zscore keeps a Mean and a StandardDeviation per channel');
check(max(abs(in.Mean - mu) ./ abs(mu)) < 1e-6, 'Mean per channel over all steps: %s, directly %s', mat2str(in.Mean', 8), ...
      mat2str(mu', 8));
check(max(abs(in.StandardDeviation - sigma) ./ sigma) < 1e-5, 'StandardDeviation (divisor N): %s, directly %s', ...
      mat2str(in.StandardDeviation', 8), mat2str(sigma', 8));
check(isempty(in.Min) && isempty(in.Max), 'no Min and Max for zscore');
% the same network trained on data normalized by hand, without normalization, predicts the same
byHand = cellfun(@(x) (x - mu) ./ sigma, X, 'UniformOutput', false);
plain = trainNetwork(byHand, y, [sequenceInputLayer(3); tail], opts);
check(max(max(abs(predict(net, X) - predict(plain, byHand)))) < 1e-4, ...
      'normalizing in the layer is normalizing the data: for training and for prediction');
% rescale-symmetric, rescale-zero-one, zerocenter, and 'all'
sym = trainNetwork(X, y, [sequenceInputLayer(3, 'Normalization', 'rescale-symmetric'); tail], opts);
% (the statistics are of the values as the network reads them, in single precision, as MATLAB keeps them)
check(max(abs(sym.Layers(1).Min - lo) ./ abs(lo)) < 1e-6 && max(abs(sym.Layers(1).Max - hi) ./ abs(hi)) < 1e-6, ...
      'Min and Max per channel: %s, %s; directly %s, %s', mat2str(sym.Layers(1).Min', 8), ...
      mat2str(sym.Layers(1).Max', 8), mat2str(lo', 8), mat2str(hi', 8));
zeroOne = trainNetwork(X, y, [sequenceInputLayer(3, 'Normalization', 'rescale-zero-one'); tail], opts);
scaled = cellfun(@(x) 2 * (x - lo) ./ (hi - lo) - 1, X, 'UniformOutput', false);
check(max(max(abs(predict(sym, X) - predict(trainNetwork(scaled, y, [sequenceInputLayer(3); tail], opts), ...
      scaled)))) < 1e-4, 'rescale-symmetric maps [Min, Max] onto [-1, 1]');
unit = cellfun(@(x) (x - lo) ./ (hi - lo), X, 'UniformOutput', false);
check(max(max(abs(predict(zeroOne, X) - predict(trainNetwork(unit, y, [sequenceInputLayer(3); tail], opts), ...
      unit)))) < 1e-4, 'rescale-zero-one maps [Min, Max] onto [0, 1]');
center = trainNetwork(X, y, [sequenceInputLayer(3, 'Normalization', 'zerocenter'); tail], opts);
check(max(abs(center.Layers(1).Mean - mu) ./ abs(mu)) < 1e-6 && isempty(center.Layers(1).StandardDeviation), ...
      'zerocenter keeps the Mean only');
whole = trainNetwork(X, y, [sequenceInputLayer(3, 'Normalization', 'zscore', 'NormalizationDimension', 'all'); ...
                            tail], opts);
check(abs(whole.Layers(1).Mean - mean(all(:))) < 1e-4 && abs(whole.Layers(1).StandardDeviation - std(all(:), 1)) ...
      < 1e-3, '''all'': one Mean and StandardDeviation over every value');
% statistics given, kept with ResetInputNormalization false, recomputed by default
given = [sequenceInputLayer(3, 'Normalization', 'zscore', 'Mean', [1; 2; 3], 'StandardDeviation', [4 5 6]); tail];
kept = trainNetwork(X, y, given, trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 10, 'Verbose', false, ...
                                                 'Seed', 3, 'ResetInputNormalization', false));
check(isequal(kept.Layers(1).Mean, [1; 2; 3]) && isequal(kept.Layers(1).StandardDeviation, [4; 5; 6]), ...
      'ResetInputNormalization false keeps the statistics given');
reset = trainNetwork(X, y, given, opts);
check(max(abs(reset.Layers(1).Mean - mu) ./ abs(mu)) < 1e-6, 'ResetInputNormalization true computes them anew');
expectError(@() trainNetwork(X, y, [sequenceInputLayer(3, 'Normalization', 'zscore'); tail], ...
            trainingOptions('adam', 'MaxEpochs', 1, 'Verbose', false, 'ResetInputNormalization', false)), ...
            ['trainNetwork: layers\(1\) \(sequenceInputLayer\) has no statistics for its Normalization ''zscore'', ' ...
             'and ResetInputNormalization is false'], 'bigru:trainNetwork:invalidLayers');
expectError(@() sequenceInputLayer(3, 'Normalization', 'zscore', 'Mean', [1 2]), ['sequenceInputLayer: layers\(1\) ' ...
            '\(sequenceInputLayer\) has a Mean of 2 values, but it needs 3 values'], ...
            'bigru:sequenceInputLayer:invalidLayers');
% kept with the network: in the model file, and through saveobj/loadobj
file = fullfile(ctx.outDir, 'normalized.safetensors');
bigru.saveNetwork(net, file);
loaded = bigru.loadNetwork(file);
check(isequal(loaded.Layers(1), net.Layers(1)) && isequal(predict(loaded, X), predict(net, X)), ...
      'the statistics travel in the model file');
restored = bigru.SeriesNetwork.loadobj(saveobj(net));
check(isequal(restored.Layers(1), net.Layers(1)) && isequal(predict(restored, X), predict(net, X)), ...
      'and through saveobj/loadobj');
% trainnet: statistics over its numTimeSteps-by-numChannels sequences, applied by minibatchpredict
XT = cellfun(@transpose, X, 'UniformOutput', false);
dl = trainnet(XT, categorical(y), [sequenceInputLayer(3, 'Normalization', 'zscore'); tail(1:3)], 'crossentropy', opts);
check(max(abs(dl.Layers(1).Mean - mu) ./ abs(mu)) < 1e-6, 'trainnet: statistics per channel');
check(max(max(abs(minibatchpredict(dl, XT) - predict(net, X)))) < 1e-12, ...
      'trainnet trains and predicts as trainNetwork does on the transposed data');
expectError(@() exportONNXNetwork(net, fullfile(ctx.outDir, 'normalized.onnx')), ...
            'exportONNXNetwork: the network''s sequenceInputLayer normalizes its input \(''zscore''\)', ...
            'bigru:exportONNXNetwork:notSupported');
end
