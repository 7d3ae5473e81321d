% classifyDigitsBiLSTM  The reference MATLAB script with its bidirectional LSTM layer, fixed only where it
% must be: OutputMode 'last' (one label per sequence, as the accuracy line compares; with 'sequence',
% trainNetwork stops and says so). classifyDigits.m is the same with a bidirectional GRU.
%
% Data: scikit-learn's handwritten digits (data/digits.csv.gz, read by loadDigits.m), each 8x8 image read
% row by row as a sequence of 8 time steps of 8 features; 10 classes. 60% training, 20% validation, 20% test.
%
% Run from any folder, after adding bigru's matlab folder to the path and running bigru.setup:
%   run('examples/classifyDigitsBiLSTM.m')
% Variables that may be set before running it: maxEpochs (default 10), verbose (default true).

if ~exist('maxEpochs', 'var'), maxEpochs = 10; end
if ~exist('verbose', 'var'), verbose = true; end
rng(0);   % the split and the training seed (drawn from rand) repeat from run to run

% ---- data: X a cell array of 8-by-8 matrices (features x time steps), y the digit of each (categorical)
[X_train, y_train, X_val, y_val, X_test, y_test] = loadDigits();
input_dim = 8;
output_dim = 10;

% ---- the reference script, with OutputMode 'last'
layers = [
    sequenceInputLayer(input_dim)
    bilstmLayer(64, 'OutputMode', 'last')
    fullyConnectedLayer(output_dim)
    softmaxLayer
    classificationLayer ];
options = trainingOptions('adam', 'MaxEpochs', maxEpochs, 'MiniBatchSize', 32, ...
                          'ValidationData', {X_val, y_val}, 'Verbose', verbose);
net = trainNetwork(X_train, y_train, layers, options);
pred = classify(net, X_test);
accuracy = mean(pred == y_test);
fprintf('Test accuracy: %f\n', accuracy);
