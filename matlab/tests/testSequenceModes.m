function testSequenceModes(~)
% OutputMode 'sequence' (a label or response per time step), stacks mixing GRU and LSTM layers, dropout and
% hidden layers anywhere, and sequence-to-one regression with several responses.
rng(7);
[X, ~] = toyData(24, 2);
labels = cellfun(@(x) double(x(1, :) > 0), X, 'UniformOutput', false);
layers = [sequenceInputLayer(2); bigruLayer(6); dropoutLayer(0.1); lstmLayer(5); gruLayer(4); ...
          fullyConnectedLayer(8); reluLayer; dropoutLayer(0.1); fullyConnectedLayer(2); softmaxLayer; ...
          classificationLayer];
opts = trainingOptions('rmsprop', 'MaxEpochs', 2, 'MiniBatchSize', 6, 'Verbose', false, 'Seed', 3);
net = trainNetwork(X, labels, layers, opts);
check(isequal({net.Layers.Type}, {layers.Type}) && isequal([net.Layers.Probability], [0.1 0.1]), ...
      'the network has the layers it was given, one to one');
pred = classify(net, X);
check(iscell(pred) && numel(pred) == 24, 'one label row per sequence');
check(all(cellfun(@(p, x) isequal(size(p), [1 size(x, 2)]), pred, X)), 'one label per time step');
scores = predict(net, X);
check(all(cellfun(@(s, x) isequal(size(s), [2 size(x, 2)]), scores, X)), 'numClasses-by-numTimeSteps scores');
wrong = labels; wrong{3} = wrong{3}(1:end - 1);
expectError(@() trainNetwork(X, wrong, layers, opts), 'Y\{3\} has \d+ labels but X\{3\} has \d+ time steps');
expectError(@() trainNetwork(X, zeros(24, 1), layers, opts), ['Y holds one label per sequence, but layers\(5\) ' ...
            '\(gruLayer ''gru''\) has OutputMode ''sequence'', which answers every time step: give that layer ' ...
            '''OutputMode'', ''last'' \(or give Y as a cell array of label sequences']);
% categorical labels per time step, with validation data
catLabels = cellfun(@(l) categorical(l, [0 1], {'neg', 'pos'}), labels, 'UniformOutput', false);
copts = trainingOptions('adam', 'MaxEpochs', 1, 'MiniBatchSize', 6, 'Verbose', false, 'Seed', 3, ...
                        'ValidationData', {X(1:3), catLabels(1:3)});
catPred = classify(trainNetwork(X, catLabels, [sequenceInputLayer(2); bilstmLayer(4); fullyConnectedLayer(2); ...
                   softmaxLayer; classificationLayer], copts), X);
check(all(cellfun(@(p, x) isa(p, 'categorical') && isequal(size(p), [1 size(x, 2)]), catPred, X)), ...
      'a categorical label row per sequence');
check(isequal(categories(catPred{1}), {'neg'; 'pos'}), 'the categories come back');
% per-step regression: a hidden layer before the recurrent ones
responses = cellfun(@(x) cumsum(x(1, :)), X, 'UniformOutput', false);
rlayers = [sequenceInputLayer(2); fullyConnectedLayer(4); tanhLayer; bilstmLayer(6); ...
           bigruLayer(3, 'ResetGateMode', 'recurrent-bias-after-multiplication'); fullyConnectedLayer(1); ...
           regressionLayer];
ropts = trainingOptions('sgdm', 'MaxEpochs', 2, 'MiniBatchSize', 6, 'Verbose', false, 'Seed', 4, ...
                        'GradientThreshold', 1, 'GradientThresholdMethod', 'global-l2norm');
rnet = trainNetwork(X, responses, rlayers, ropts);
out = predict(rnet, X);
check(all(cellfun(@(o, x) isequal(size(o), [1 size(x, 2)]), out, X)), 'a response per time step');
expectError(@() classify(rnet, X), 'regressionLayer; use predict');
bad = responses; bad{2}(1) = Inf;
expectError(@() trainNetwork(X, bad, rlayers, ropts), 'Y\{2\}\(1,1\) is Inf');
% sequence-to-one regression, two responses per sequence
Y2 = [cellfun(@(x) mean(x(1, :)), X), cellfun(@(x) mean(x(2, :)), X)];
slayers = [sequenceInputLayer(2); bigruLayer(6, 'OutputMode', 'last', 'MergeMode', 'sum'); ...
           fullyConnectedLayer(2); regressionLayer];
sopts = trainingOptions('adam', 'MaxEpochs', 2, 'MiniBatchSize', 6, 'Verbose', false, 'Seed', 5, ...
                        'ValidationData', {X(1:4), Y2(1:4, :)}, 'ValidationFrequency', 2, ...
                        'OutputNetwork', 'best-validation-loss', 'LearnRateSchedule', 'piecewise', ...
                        'LearnRateDropPeriod', 1, 'LearnRateDropFactor', 0.5);
[snet, info] = trainNetwork(X, Y2, slayers, sopts);
check(isequal(size(predict(snet, X)), [24 2]), 'numSequences-by-numResponses');
check(any(~isnan(info.ValidationLoss)) && info.FinalValidationLoss == min(info.ValidationLoss), 'validation loss');
check(isequal(unique(info.BaseLearnRate(:))', [0.0005 0.001]), 'piecewise learning rate');
expectError(@() trainNetwork(X, Y2(1:20, :), slayers, sopts), 'Y has 20 rows but X has 24 sequences');
expectError(@() trainNetwork(X, Y2(:, 1), slayers, sopts), 'Y has 1 responses, but the layer array has 2 outputs');
expectError(@() trainNetwork(X, responses, slayers, sopts), ['Y holds response sequences, but layers\(2\) ' ...
            '\(bigruLayer ''bigru''\) has OutputMode ''last''']);
end
