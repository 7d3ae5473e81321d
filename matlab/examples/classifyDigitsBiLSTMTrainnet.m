% classifyDigitsBiLSTMTrainnet  classifyDigitsBiLSTM.m (the reference script with its bidirectional LSTM, fixed)
% in MATLAB's current idiom: a layer array without an output layer, trainnet with the loss 'crossentropy',
% minibatchpredict and scores2label. trainnet reads each sequence
% numTimeSteps-by-numChannels (the transpose of trainNetwork's), so the sequences are transposed first.
%
% Data: scikit-learn's handwritten digits (data/digits.csv.gz, read by loadDigits.m), each 8x8 image read
% row by row as a sequence of 8 time steps of 8 channels; 10 classes. 60% training, 20% validation, 20% test.
%
% Run from any folder, after adding bigru's matlab folder to the path and running bigru.setup:
%   run('examples/classifyDigitsBiLSTMTrainnet.m')
% Variables that may be set before running it: maxEpochs (default 10), verbose (default true).

if ~exist('maxEpochs', 'var'), maxEpochs = 10; end
if ~exist('verbose', 'var'), verbose = true; end
rng(0);   % the split and the training seed (drawn from rand) repeat from run to run

% ---- data: XTrain a cell array of 8-by-8 matrices (time steps x channels), TTrain the digits (categorical)
[XTrain, TTrain, XValidation, TValidation, XTest, TTest] = loadDigits();
XTrain = cellfun(@transpose, XTrain, 'UniformOutput', false);
XValidation = cellfun(@transpose, XValidation, 'UniformOutput', false);
XTest = cellfun(@transpose, XTest, 'UniformOutput', false);
numChannels = 8;
classNames = categories(TTrain);
numClasses = numel(classNames);

% ---- the network and its training
layers = [
    sequenceInputLayer(numChannels)
    bilstmLayer(64, 'OutputMode', 'last')
    fullyConnectedLayer(numClasses)
    softmaxLayer ];
options = trainingOptions('adam', 'MaxEpochs', maxEpochs, 'MiniBatchSize', 32, ...
                          'ValidationData', {XValidation, TValidation}, 'Metrics', 'accuracy', 'Verbose', verbose);
net = trainnet(XTrain, TTrain, layers, 'crossentropy', options);

% ---- test
scores = minibatchpredict(net, XTest);
YTest = scores2label(scores, classNames);
accuracy = mean(YTest == TTest);
fprintf('Test accuracy: %f\n', accuracy);
