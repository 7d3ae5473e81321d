function testTrainnet(ctx)
% MATLAB's current idiom: dlnetwork, trainnet with a loss name, minibatchpredict, scores2label and testnet, with
% trainnet's data layouts (numTimeSteps-by-numChannels sequences, numeric arrays, InputDataFormats).
rng(31);
[X, y] = toyData(40, 3);
XT = cellfun(@transpose, X, 'UniformOutput', false);
T = categorical(y, [0 1], {'low', 'high'});
classNames = categories(T);
layers = [sequenceInputLayer(3); bilstmLayer(6, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer];
opts = trainingOptions('adam', 'MaxEpochs', 3, 'MiniBatchSize', 8, 'Verbose', false, 'Seed', 7, ...
                       'Metrics', 'accuracy');
[net, info] = trainnet(XT, T, layers, 'crossentropy', opts);
check(isa(net, 'bigru.dlnetwork') && isequal({net.Layers.Type}, {'sequenceInput', 'bilstm', 'fullyConnected', ...
      'softmax'}), 'a dlnetwork with the layers given, no output layer');
check(isequal(fieldnames(info)', {'TrainingHistory', 'ValidationHistory', 'OutputNetworkIteration', 'StopReason'}), ...
      'TrainingInfo''s properties');
check(numel(info.TrainingHistory.Loss) == 15 && isequal(info.TrainingHistory.Iteration', 1:15) && ...
      all(info.TrainingHistory.Accuracy >= 0 & info.TrainingHistory.Accuracy <= 100), ...
      'TrainingHistory: 15 iterations, accuracy in percent');
check(isempty(info.ValidationHistory.Iteration) && info.OutputNetworkIteration == 15 && ...
      strcmp(info.StopReason, 'Max epochs completed'), 'no validation data: the last iteration''s network');
scores = minibatchpredict(net, XT);
check(isequal(size(scores), [40 2]) && max(abs(sum(scores, 2) - 1)) < 1e-12, 'numSequences-by-numClasses scores');
[labels, top] = scores2label(scores, classNames);
check(isa(labels, 'categorical') && isequal(size(labels), [40 1]) && isequal(categories(labels), classNames), ...
      'scores2label gives categorical labels with the classes as categories');
[~, best] = max(scores, [], 2);
check(isequal(double(labels), best) && isequal(top, max(scores, [], 2)), 'the class of the largest score');
check(isequal(scores2label(scores', classNames), labels'), 'the class dimension found when it is the first');
accuracy = testnet(net, XT, T, 'accuracy');
check(abs(accuracy - 100 * mean(labels == T)) < 1e-9, 'testnet accuracy %g is the percent classified right', accuracy);
both = testnet(net, XT, T, {'accuracy', 'crossentropy'});
direct = -mean(log(scores(sub2ind(size(scores), (1:40)', double(T)))));
check(isequal(size(both), [1 2]) && abs(both(2) - direct) < 1e-5, 'testnet crossentropy %g, directly %g', both(2), ...
      direct);
% the same training from channels-by-steps sequences or from a numeric array, read as InputDataFormats says
same = trainnet(X, T, layers, 'crossentropy', trainingOptions('adam', 'MaxEpochs', 3, 'MiniBatchSize', 8, ...
                'Verbose', false, 'Seed', 7, 'InputDataFormats', 'CTB'));
check(isequal(minibatchpredict(same, X, 'InputDataFormats', 'CTB'), scores), ...
      'InputDataFormats ''CTB'' reads channels-by-steps sequences');
rng(31);
equal = cellfun(@(x) randn(6, 3), cell(12, 1), 'UniformOutput', false);
TCB = cat(3, equal{:});
check(isequal(minibatchpredict(net, TCB), minibatchpredict(net, equal)), ...
      'a numeric numTimeSteps-by-numChannels-by-numSequences array is read as its sequences');
check(isequal(minibatchpredict(net, permute(TCB, [3 1 2]), 'InputDataFormats', 'BTC'), minibatchpredict(net, TCB)), ...
      'and as InputDataFormats names its dimensions');
check(isequal(predict(net, XT), scores), 'predict of a dlnetwork is minibatchpredict''s');
% a dlnetwork trains from its own weights: two networks of the same rng start alike and train alike
rng(5);
start = dlnetwork(layers);
check(start.Initialized && isequal(start.Layers, net.Layers), 'dlnetwork(layers)');
rng(5);
again = dlnetwork(layers);
check(isequal(minibatchpredict(start, XT), minibatchpredict(again, XT)), 'rng(s) repeats dlnetwork''s weights');
fromStart = trainnet(XT, T, start, 'crossentropy', opts);
fromAgain = trainnet(XT, T, again, 'crossentropy', opts);
check(isequal(minibatchpredict(fromStart, XT), minibatchpredict(fromAgain, XT)), 'trainnet starts from the dlnetwork');
check(~isequal(minibatchpredict(fromStart, XT), scores), 'and not from the seed''s weights');
% Learnables, as MATLAB names and shapes them
L = net.Learnables;
check(isequal(L.Layer', {'bilstm', 'bilstm', 'bilstm', 'fc', 'fc'}) && isequal(L.Parameter', {'InputWeights', ...
      'RecurrentWeights', 'Bias', 'Weights', 'Bias'}), 'Learnables names');
check(isequal(vertcat(L.Size{:}), [48 3; 48 6; 48 1; 2 12; 2 1]), 'Learnables sizes: %s', mat2str(vertcat(L.Size{:})));
gru = dlnetwork([sequenceInputLayer(2); gruLayer(4, 'ResetGateMode', 'recurrent-bias-after-multiplication'); ...
                 fullyConnectedLayer(1)]);
check(isequal(gru.Learnables.Parameter', {'InputWeights', 'RecurrentWeights', 'Bias', 'RecurrentBias', 'Weights', ...
      'Bias'}) && isequal(gru.Learnables.Size{1}, [12 2]), 'a GRU with a recurrent bias');

% regression per time step: numTimeSteps-by-numResponses targets, 'mse', validation, rmse
R = cellfun(@(x) cumsum(x(:, 1)), XT, 'UniformOutput', false);
rlayers = [sequenceInputLayer(3); gruLayer(5); fullyConnectedLayer(1)];
ropts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 8, 'Verbose', false, 'Seed', 2, ...
                        'Metrics', 'rmse', 'ValidationData', {XT(1:5), R(1:5)}, 'ValidationFrequency', 4);
[rnet, rinfo] = trainnet(XT, R, rlayers, 'mse', ropts);
check(isequal(rinfo.ValidationHistory.Iteration', [0 4 8 10]), 'validations %s', ...
      mat2str(rinfo.ValidationHistory.Iteration'));
check(max(abs(rinfo.TrainingHistory.RMSE - sqrt(rinfo.TrainingHistory.Loss))) < 1e-12, ...
      'the mini-batch RMSE is the root of the mean squared error loss');
out = minibatchpredict(rnet, XT, 'UniformOutput', false);
check(all(cellfun(@(o, x) isequal(size(o), [size(x, 1) 1]), out, XT)), 'a numTimeSteps-by-1 response per sequence');
padded = minibatchpredict(rnet, XT);
longest = max(cellfun(@(x) size(x, 1), XT));
check(isequal(size(padded), [longest 1 40]) && isequal(padded(1:size(XT{2}, 1), 1, 2), out{2}) && ...
      all(padded(size(XT{2}, 1) + 1:end, 1, 2) == 0), 'padded on the right, zeros where a sequence has no steps');
left = minibatchpredict(rnet, XT, 'SequencePaddingDirection', 'left');
check(isequal(left(end - size(XT{2}, 1) + 1:end, 1, 2), out{2}), 'aligned on the last step with ''left''');
rmse = testnet(rnet, XT, R, {'rmse', 'mse'});
residuals = cellfun(@(o, r) o - r, out, R, 'UniformOutput', false);
direct = sqrt(mean(vertcat(residuals{:}) .^ 2));
check(abs(rmse(1) - direct) < 1e-5 && abs(rmse(2) - direct ^ 2) < 1e-5, 'testnet rmse %g, directly %g', rmse(1), ...
      direct);
% the loss names MATLAB has for the same loss
check(isa(trainnet(XT, R, rlayers, 'l2loss', ropts), 'bigru.dlnetwork'), 'l2loss is the mean squared error');
% forecast in closed loop, with a dlnetwork as with trainNetwork's network trained alike, and through the input
% layer's normalization: each prediction fed back is normalized as the data are
waves = arrayfun(@(p) sin(0.4 * (1:21) + p), 2 * pi * rand(16, 1), 'UniformOutput', false);
Xw = cellfun(@(w) w(1:end - 1), waves, 'UniformOutput', false);
Yw = cellfun(@(w) w(2:end), waves, 'UniformOutput', false);
wopts = trainingOptions('adam', 'MaxEpochs', 3, 'MiniBatchSize', 8, 'Verbose', false, 'Seed', 3);
input = sequenceInputLayer(1, 'Normalization', 'zscore');
older = trainNetwork(Xw, Yw, [input; gruLayer(4); fullyConnectedLayer(1); regressionLayer], wopts);
current = trainnet(cellfun(@transpose, Xw, 'UniformOutput', false), cellfun(@transpose, Yw, 'UniformOutput', false), ...
                   [input; gruLayer(4); fullyConnectedLayer(1)], 'mse', wopts);
ahead = forecast(older, Xw{1}, 4);
check(isequal(forecast(current, Xw{1}', 4), ahead'), 'a dlnetwork forecasts numTimeSteps-by-numChannels');
seen = Xw{1};
for k = 1:4
  out = predict(older, seen);
  seen = [seen, out{1}(end)];
end
check(max(abs(seen(end - 3:end) - ahead)) < 1e-6, 'the closed loop feeds predictions back through the normalization');

% the compat names
check(exist('trainnet', 'file') == 2 && exist('minibatchpredict', 'file') == 2 && exist('scores2label', 'file') == 2 ...
      && exist('testnet', 'file') == 2 && exist('dlnetwork', 'file') == 2, 'unqualified names in compat');
end
