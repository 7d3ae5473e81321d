function testArgumentErrors(~)
% Wrong arguments to trainNetwork, classify and predict: one clear message naming the argument.
rng(3);
[X, y] = toyData(12, 3);
layers = [bigru.sequenceInputLayer(3); bigru.bigruLayer(4, 'OutputMode', 'last'); bigru.fullyConnectedLayer(2); ...
          bigru.softmaxLayer; bigru.classificationLayer];
opts = bigru.trainingOptions('adam', 'MaxEpochs', 1, 'Verbose', false);
train = @(X, y, layers) bigru.trainNetwork(X, y, layers, opts);
% empty cell, features that differ, NaN, labels that do not match the sequences
expectError(@() train({}, y, layers), 'X is empty');
bad = X; bad{4} = randn(2, 5);
expectError(@() train(bad, y, layers), 'X\{4\} has 2 features \(rows\), but X\{1\} has 3');
bad = X; bad{2}(2, 3) = NaN;
expectError(@() train(bad, y, layers), 'X\{2\}\(2,3\) is NaN');
bad = X; bad{5} = zeros(3, 0);
expectError(@() train(bad, y, layers), 'X\{5\} is empty');
expectError(@() train(X, y(1:10), layers), 'Y has 10 labels but X has 12 sequences');
expectError(@() train(X, {y}, layers), ['Y holds label sequences, but layers\(2\) \(bigruLayer ''bigru''\) has ' ...
            'OutputMode ''last'', which answers once per sequence: give that layer ''OutputMode'', ''sequence''']);
bad = X; bad{1} = 'abc';
expectError(@() train(bad, y, layers), 'X\{1\} must be a real numeric');
% layers that do not fit the data or each other
wrongInput = layers; wrongInput(1) = bigru.sequenceInputLayer(4);
expectError(@() train(X, y, wrongInput), 'X has 3 features per time step, but the layer array expects 4');
wrongClasses = layers; wrongClasses(3) = bigru.fullyConnectedLayer(3);
expectError(@() train(X, y, wrongClasses), 'Y has 2 classes, but the layer array has 3 outputs');
expectError(@() train(X, y, layers([1 3 4 5])), 'layers has no recurrent layer');
expectError(@() train(X, y, layers([1 2 3 5])), 'softmaxLayer');
stacked = [layers(1:2); bigru.bigruLayer(4); layers(3:end)];
expectError(@() train(X, y, stacked), 'has OutputMode ''last'' but another recurrent layer follows');
expectError(@() train(X, y, 'layers'), 'layers must be a layer array');
expectError(@() bigru.trainNetwork(X, y, layers, struct()), 'options must come from trainingOptions');
% validation labels outside the training classes
vopts = bigru.trainingOptions('adam', 'MaxEpochs', 1, 'Verbose', false, 'ValidationData', {X(1:2), [0; 7]});
expectError(@() bigru.trainNetwork(X, y, layers, vopts), 'ValidationData Y\(2\) is ''7'', which is not one of the classes');
% prediction data that does not fit a trained network
net = train(X, y, layers);
expectError(@() bigru.classify(net, {randn(5, 4)}), 'X has 5 features per time step, but the network expects 3');
expectError(@() bigru.predict(net, X, 'MiniBatchSize', 0), 'the value of ''MiniBatchSize'' must be a whole number');
expectError(@() bigru.classify(struct('a', 1), X), 'net must be a network');
end
