function testErrors(~)
% Errors as MATLAB users expect them: the identifier bigru:<function>:<id>, a message that starts with the
% function's name, raised from the public function (its stack starts there, never in bigru.internal), and a hint
% to transpose when the sequences fit the other orientation.
rng(61);
[X, y] = toyData(12, 3);
XT = cellfun(@transpose, X, 'UniformOutput', false);
T = categorical(y);
old = [sequenceInputLayer(3); bigruLayer(4, 'OutputMode', 'last'); fullyConnectedLayer(2); softmaxLayer; ...
       classificationLayer];
new = old(1:4);
opts = trainingOptions('adam', 'MaxEpochs', 1, 'Verbose', false);
cases = {
  % function, call, identifier, message
  'trainNetwork', @() trainNetwork(X, y, old), 'wrongArgumentCount', 'expected trainNetwork\(X, Y, layers, options\)'
  'trainNetwork', @() trainNetwork(X, y, new, opts), 'invalidLayers', ['layers ends with layers\(4\) \(softmaxLayer ' ...
      '''softmax''\); trainNetwork needs classificationLayer after it \(or train these layers with trainnet\(X, T, ' ...
      'layers, ''crossentropy'', options\)\)']
  'trainNetwork', @() trainNetwork({}, y, old, opts), 'invalidData', 'X is empty'
  'trainNetwork', @() trainNetwork(X, y(1:5), old, opts), 'invalidTargets', 'Y has 5 labels but X has 12 sequences'
  'trainNetwork', @() trainNetwork(X, {y}, old, opts), 'outputMode', 'Y holds label sequences, but layers\(2\)'
  'trainNetwork', @() trainNetwork(X, y, old, struct()), 'invalidValue', 'options must come from trainingOptions'
  'trainnet', @() trainnet(XT, T, old, 'crossentropy', opts), 'invalidLayers', ['layers\(5\) \(classificationLayer ' ...
      '''classoutput''\) is an output layer; trainnet takes layers without one: remove it and give trainnet the loss ' ...
      '\(''crossentropy''\)']
  'trainnet', @() trainnet(XT, T, new, @crossentropy, opts), 'invalidLoss', ['lossFcn is a function handle ' ...
      '\(crossentropy\); bigru trains with the losses it computes itself']
  'trainnet', @() trainnet(XT, T, new, 'mse', opts), 'invalidLoss', ['lossFcn ''mse'' needs layers that end with ' ...
      'the output fullyConnectedLayer \(regression\), and these end with layers\(4\) \(softmaxLayer ''softmax''\)']
  'trainnet', @() trainnet(XT, T, new, 'huber', opts), 'notSupported', 'lossFcn ''huber'' is not one bigru trains with'
  'trainnet', @() trainnet(XT, T, new, 'hinge', opts), 'invalidLoss', 'lossFcn ''hinge'' is not a loss'
  'trainnet', @() trainnet(XT, T, new, 'crossentropy'), 'wrongArgumentCount', 'expected trainnet\(X, T, layers'
  'trainingOptions', @() trainingOptions('adam', 'MaxEpoch', 3), 'unknownOption', ...
      '''MaxEpoch'' is not an option of trainingOptions'
  'trainingOptions', @() trainingOptions('adam', 'MaxEpochs', 0), 'invalidValue', ...
      'the value of ''MaxEpochs'' must be a whole number of at least 1, not 0'
  'trainingOptions', @() trainingOptions('adam', 'OutputNetwork', 'best-validation'), 'invalidValue', ...
      'OutputNetwork ''best-validation'' needs ValidationData'
  'trainingOptions', @() trainingOptions('adam', 'OutputNetwork', 'best-validation-loss'), 'invalidValue', ...
      'OutputNetwork ''best-validation-loss'' needs ValidationData'
  'trainingOptions', @() trainingOptions(), 'missingArgument', 'solverName \(''adam'', ''sgdm'', ''rmsprop''\) is required'
  'trainingOptions', @() trainingOptions('adam', 'MaxEpochs'), 'wrongArgumentCount', 'expected name-value pairs'
  'bigruLayer', @() bigruLayer(0), 'invalidValue', 'numHiddenUnits must be a whole number of at least 1'
  'lstmLayer', @() lstmLayer(4, 'HasStateInputs', true), 'notSupported', ...
      'bigru does not take the option ''HasStateInputs'' of MATLAB''s lstmLayer'
  'dlnetwork', @() dlnetwork(old), 'invalidLayers', 'layers\(5\) \(classificationLayer ''classoutput''\) is an output layer'
  'dlnetwork', @() dlnetwork('layers'), 'invalidLayers', 'layers must be a layer array'
  'scores2label', @() scores2label(rand(4, 3), {'a', 'b'}), 'invalidValue', ...
      'scores is 4-by-3, but classNames has 2 classes'
  'scores2label', @() scores2label({1}, {'a'}), 'invalidValue', 'scores must be a real numeric array'
  'loadNetwork', @() bigru.loadNetwork('/no/such/file.safetensors'), 'fileError', 'cannot read the network file'
};
for k = 1:size(cases, 1)
  [fname, f, id, pattern] = cases{k, :};
  err = expectError(f, ['^' fname ': ' pattern], ['bigru:' fname ':' id]);
  check(strcmp(err.stack(1).name, fname) || strcmp(err.stack(1).name, [fname '>' fname]), ...
        '%s: the error comes from %s, not from %s', fname, fname, err.stack(1).name);
  check(~any(cellfun(@(n) ~isempty(strfind(n, 'internal')), {err.stack.name})), ...
        '%s: no internal function in the stack of "%s"', fname, err.message);
end
% with a trained network
net = trainNetwork(X, y, old, opts);
dl = trainnet(XT, T, new, 'crossentropy', opts);
cases = {
  'classify', @() classify(dl, X), 'invalidNetwork', ['net is a dlnetwork \(trainnet''s idiom\), which has no ' ...
      'classes: use scores2label\(minibatchpredict\(net, X\), classNames\)']
  'classify', @() classify(struct('a', 1), X), 'invalidNetwork', 'net must be a network from trainNetwork'
  'minibatchpredict', @() minibatchpredict(net, XT), 'invalidNetwork', 'net is a network of trainNetwork''s'
  'minibatchpredict', @() minibatchpredict(dl, XT, 'UniformOutput', 'no'), 'invalidValue', ...
      'the value of ''UniformOutput'' must be true or false'
  'testnet', @() testnet(dl, XT, T, 'rmse'), 'invalidValue', ['metric ''rmse'' measures a regression network; this ' ...
      'one is for classification']
  'testnet', @() testnet(dl, XT, T, 'fscore'), 'invalidValue', 'metrics\(1\) is ''fscore'''
  'predict', @() predict(net, {randn(5, 4)}), 'featureCount', 'X has 5 features per time step, but the network expects 3'
  'saveNetwork', @() bigru.saveNetwork(net, ''), 'invalidValue', 'file must be a file name'
  'forecast', @() forecast(net, X{1}, 0), 'invalidValue', ['K, the number of time steps to forecast, must be a ' ...
      'whole number of at least 1, not 0']
  'forecast', @() forecast(net, X{1}, 2), 'invalidNetwork', 'forecast needs a regression network'
  'predictAndUpdateState', @() predictAndUpdateState(dl, XT{1}), 'invalidNetwork', ['net is a dlnetwork ' ...
      '\(trainnet''s idiom\); predictAndUpdateState takes a network of trainNetwork''s']
  'resetState', @() resetState(struct()), 'invalidNetwork', 'net must be a network'
};
for k = 1:size(cases, 1)
  [fname, f, id, pattern] = cases{k, :};
  expectError(f, ['^' fname ': ' pattern], ['bigru:' fname ':' id]);
end
% sequences of the other orientation: the message says to transpose them
time = arrayfun(@(i) randn(7, 3), (1:6)', 'UniformOutput', false);     % numTimeSteps-by-numFeatures, all 7 long
expectError(@() trainNetwork(time, y(1:6), old, opts), ['^trainNetwork: X has 7 features per time step, but the ' ...
            'layer array expects 3; X looks transposed \(every sequence has 3 columns\): give numFeatures-by-' ...
            'numTimeSteps sequences \(transpose each, X = cellfun\(@transpose, X, ''UniformOutput'', false\)\)'], ...
            'bigru:trainNetwork:featureCount');
expectError(@() trainNetwork(XT, y, old, opts), ['^trainNetwork: X\{2\} has \d+ features \(rows\), but X\{1\} has ' ...
            '\d+: every sequence needs the same number of features; X looks transposed \(every sequence has 3 ' ...
            'columns\)'], 'bigru:trainNetwork:invalidData');
channels = cellfun(@transpose, time, 'UniformOutput', false);           % numChannels-by-numTimeSteps for trainnet
expectError(@() trainnet(channels, T(1:6), new, 'crossentropy', opts), ['^trainnet: X has 7 features per time ' ...
            'step, but the layer array expects 3; X looks transposed \(every sequence has 3 rows\): give ' ...
            'numTimeSteps-by-numChannels sequences \(transpose each, X = cellfun\(@transpose, X, ''UniformOutput'', ' ...
            'false\)\), or give ''InputDataFormats'', ''CTB'''], 'bigru:trainnet:featureCount');
expectError(@() minibatchpredict(dl, channels), 'minibatchpredict: X has 7 features .* ''InputDataFormats'', ''CTB''', ...
            'bigru:minibatchpredict:featureCount');
expectError(@() trainNetwork(X, y, [sequenceInputLayer(4); old(2:end)], opts), ...
            '^trainNetwork: X has 3 features per time step, but the layer array expects 4$', ...
            'bigru:trainNetwork:featureCount');
end
