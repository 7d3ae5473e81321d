function layer = lstm(type, fname, numHiddenUnits, args)
%LSTM  The layer of lstmLayer or bilstmLayer (internal): MATLAB's options bigru takes (OutputMode, Name),
%   with MATLAB's defaults; the other options of MATLAB's LSTM layers are refused by name, each saying what
%   bigru does instead (MATLAB's default, in every case where MATLAB has one).
refused = {
    'StateActivationFunction',         'its LSTM layers always use ''tanh'' (MATLAB''s default)'
    'GateActivationFunction',          'its LSTM layers always use ''sigmoid'' (MATLAB''s default)'
    'HasStateInputs',                  'its LSTM layers have no state inputs (MATLAB''s default, false): every sequence starts from zero states'
    'HasStateOutputs',                 'its LSTM layers have no state outputs (MATLAB''s default, false)'
    'CellState',                       'every sequence starts from a zero cell state (MATLAB''s default)'
    'HiddenState',                     'every sequence starts from a zero hidden state (MATLAB''s default)'
    'InputSize',                       'the input size is always that of the layer before (MATLAB''s default, ''auto'')'
    'InputWeightsInitializer',         'input weights are always initialized ''glorot'' (MATLAB''s default)'
    'RecurrentWeightsInitializer',     'recurrent weights are always initialized ''orthogonal'' (MATLAB''s default)'
    'BiasInitializer',                 'biases are always initialized ''unit-forget-gate'' (MATLAB''s default)'
    'InputWeights',                    'weights start from the initializers; trained weights come from bigru.loadNetwork'
    'RecurrentWeights',                'weights start from the initializers; trained weights come from bigru.loadNetwork'
    'Bias',                            'biases start from the initializer; trained weights come from bigru.loadNetwork'
    'InputWeightsLearnRateFactor',     'every parameter learns at the learning rate of trainingOptions (MATLAB''s default factor, 1)'
    'RecurrentWeightsLearnRateFactor', 'every parameter learns at the learning rate of trainingOptions (MATLAB''s default factor, 1)'
    'BiasLearnRateFactor',             'every parameter learns at the learning rate of trainingOptions (MATLAB''s default factor, 1)'
    'InputWeightsL2Factor',            'weights take the L2Regularization of trainingOptions (MATLAB''s default factor, 1)'
    'RecurrentWeightsL2Factor',        'weights take the L2Regularization of trainingOptions (MATLAB''s default factor, 1)'
    'BiasL2Factor',                    'biases are not regularized (MATLAB''s default factor, 0)'};
o = bigru.internal.nameValue(fname, struct('Name', '', 'OutputMode', 'sequence'), args, refused);
mergeMode = '';
if strcmp(type, 'bilstm')
  mergeMode = 'concat';   % MATLAB's bilstmLayer concatenates the two directions
end
layer = bigru.internal.layer(type, o.Name, ...
    'NumHiddenUnits', bigru.internal.count(numHiddenUnits, fname, 'numHiddenUnits'), ...
    'OutputMode', bigru.internal.choice(o.OutputMode, fname, 'OutputMode', {'sequence', 'last'}), ...
    'MergeMode', mergeMode);
end
