function layer = lstm(fname, args)
%LSTM  The layer of lstmLayer or bilstmLayer (internal): MATLAB's options bigru takes (OutputMode, Name),
%   with MATLAB's defaults; the other options of MATLAB's LSTM layers are refused by name, each saying what
%   bigru does instead (MATLAB's default, in every case where MATLAB has one).
byDefault = ' (MATLAB''s default)';
fromFile = ' (trained ones come from bigru.loadNetwork)';
learnRate = 'every parameter learns at InitialLearnRate (MATLAB''s default factor, 1)';
l2 = 'weights take L2Regularization as it is (MATLAB''s default factor, 1)';
refused = {
    'StateActivationFunction',         ['its LSTM layers always use ''tanh''' byDefault]
    'GateActivationFunction',          ['its LSTM layers always use ''sigmoid''' byDefault]
    'HasStateInputs',                  'its LSTM layers have no state inputs (MATLAB''s default, false)'
    'HasStateOutputs',                 'its LSTM layers have no state outputs (MATLAB''s default, false)'
    'CellState',                       ['every sequence starts from a zero cell state' byDefault]
    'HiddenState',                     ['every sequence starts from a zero hidden state' byDefault]
    'InputSize',                       'the input size is that of the layer before (MATLAB''s default, ''auto'')'
    'InputWeightsInitializer',         ['input weights are initialized ''glorot''' byDefault]
    'RecurrentWeightsInitializer',     ['recurrent weights are initialized ''orthogonal''' byDefault]
    'BiasInitializer',                 ['biases are initialized ''unit-forget-gate''' byDefault]
    'InputWeights',                    ['weights start from the initializers' fromFile]
    'RecurrentWeights',                ['weights start from the initializers' fromFile]
    'Bias',                            ['biases start from the initializer' fromFile]
    'InputWeightsLearnRateFactor',     learnRate
    'RecurrentWeightsLearnRateFactor', learnRate
    'BiasLearnRateFactor',             learnRate
    'InputWeightsL2Factor',            l2
    'RecurrentWeightsL2Factor',        l2
    'BiasL2Factor',                    'biases are not regularized (MATLAB''s default factor, 0)'};
layer = bigru.internal.arguments(fname, args, refused);
end
