function testForecasting(~)
% Forecasting through the facade: several responses per sequence (direct multi-step), closed-loop prediction
% with bigru.forecast, and predictAndUpdateState / resetState for a forward-only network, as in MATLAB's
% time-series examples.
rng(11);
% Sine waves of random phase; a network learns the next time step of each.
n = 24;
X = cell(n, 1);
Y = cell(n, 1);
for i = 1:n
  wave = sin(0.4 * (1:41) + 2 * pi * rand());
  X{i} = wave(1:end - 1);
  Y{i} = wave(2:end);
end
layers = [sequenceInputLayer(1); gruLayer(8); fullyConnectedLayer(1); regressionLayer];
opts = trainingOptions('adam', 'MaxEpochs', 60, 'MiniBatchSize', 8, 'InitialLearnRate', 0.01, 'Verbose', false, ...
                       'Seed', 5, 'L2Regularization', 0);
net = trainNetwork(X, Y, layers, opts);

% Closed loop: 10 steps after 30 known ones, against the wave's true continuation.
phase = 1.3;
truth = sin(0.4 * (1:40) + phase);
history = truth(1:30);
Yf = forecast(net, history, 10);
check(isequal(size(Yf), [1 10]), 'numFeatures-by-K for one sequence');
modelError = mean(abs(Yf - truth(31:40)));
naiveError = mean(abs(history(end) - truth(31:40)));
check(modelError < naiveError, 'the closed loop beats repeating the last value (%g vs %g)', modelError, naiveError);
two = forecast(net, {history; truth(1:25)}, 4);
check(iscell(two) && numel(two) == 2 && isequal(size(two{2}), [1 4]), 'one numFeatures-by-K per sequence');
check(max(abs(two{1} - Yf(1:4))) < 1e-5, 'a sequence forecasts the same alone or with others');

% The same loop by hand with predictAndUpdateState, as MATLAB's examples write it.
net = resetState(net);
[net, out] = predictAndUpdateState(net, history);
check(isequal(size(out), [1 30]), 'the outputs of the time steps given');
whole = predict(net, history);
check(max(abs(out - whole{1})) == 0, 'warming up on the history is predicting it');
loop = zeros(1, 10);
loop(1) = out(end);
for k = 2:10
  [net, loop(k)] = predictAndUpdateState(net, loop(k - 1));
end
check(max(abs(loop - Yf)) < 1e-5, 'predictAndUpdateState one step at a time gives bigru.forecast''s numbers');
check(numel(net.State) == 1 && size(net.State{1}, 2) == 39, 'the state is the 39 time steps seen');
net = resetState(net);
[~, again] = predictAndUpdateState(net, history(1:5));
check(max(abs(again - whole{1}(1:5))) == 0, 'resetState starts over');
expectError(@() predictAndUpdateState(predictAndUpdateState(net, history), {history; history}), ...
            'X has 2 sequences but the network''s state holds 1; call bigru.resetState');

% Refusals: a bidirectional layer carries no state forward; responses that are not the features; K.
bnet = trainNetwork(X(1:8), Y(1:8), [sequenceInputLayer(1); bigruLayer(3); fullyConnectedLayer(1); ...
                    regressionLayer], trainingOptions('adam', 'MaxEpochs', 1, 'Verbose', false, 'Seed', 1));
expectError(@() predictAndUpdateState(bnet, history), ['predictAndUpdateState: layers\(2\) \(bigruLayer ' ...
            '''bigru''\) reads each sequence backwards too']);
check(isequal(size(forecast(bnet, history, 2)), [1 2]), 'forecast runs a bidirectional network again per step');
expectError(@() forecast(net, history, 0), ['forecast: K, the number of time steps to forecast, must be a whole ' ...
            'number of at least 1, not 0']);
expectError(@() forecast(net, history, 2.5), 'must be a whole number of at least 1, not 2.5');

% Several responses per sequence: the next 3 values after a window of 12 (direct multi-step, 'last').
W = cell(60, 1);
next3 = zeros(60, 3);
for i = 1:60
  wave = sin(0.4 * (1:15) + 2 * pi * rand());
  W{i} = wave(1:12);
  next3(i, :) = wave(13:15);
end
mlayers = [sequenceInputLayer(1); lstmLayer(8, 'OutputMode', 'last'); fullyConnectedLayer(3); regressionLayer];
mnet = trainNetwork(W, next3, mlayers, trainingOptions('adam', 'MaxEpochs', 40, 'MiniBatchSize', 10, ...
                    'InitialLearnRate', 0.01, 'Verbose', false, 'Seed', 2));
P = predict(mnet, W);
check(isequal(size(P), [60 3]), 'one row of 3 responses per sequence');
check(mean(abs(P(:) - next3(:))) < mean(abs(next3(:))), 'the three steps are learned');
expectError(@() forecast(mnet, W{1}, 2), ['feeds each prediction back as the next input, so the network needs ' ...
            'as many responses as features: it has 3 responses and 1 features']);
end
