function [net, info] = trainnet(X, T, layers, lossFcn, options)
%TRAINNET  Trains a recurrent network (GRU and LSTM layers) on sequences, on the Java core, in MATLAB's current
%   idiom.
%   net = bigru.trainnet(X, T, layers, lossFcn, options)
%   net = bigru.trainnet(X, T, net, lossFcn, options)     from the weights of a bigru.dlnetwork
%   [net, info] = bigru.trainnet(...)
%
%   X: cell array of numTimeSteps-by-numChannels matrices (lengths may differ; the transpose of trainNetwork's),
%      or a numeric numTimeSteps-by-numChannels-by-numSequences array; trainingOptions' InputDataFormats reads
%      other layouts ('CTB': numChannels-by-numTimeSteps sequences, 'BTC', ...).
%   T, by the layers' task and the last recurrent layer's OutputMode:
%     classification, 'last':     one label per sequence (categorical; in Octave, bigru's minimal one)
%     classification, 'sequence': cell array of label sequences, T{i} with one label per time step of X{i}
%     regression, 'last':         numeric matrix, one row of responses per sequence
%     regression, 'sequence':     cell array of numTimeSteps-by-numResponses matrices
%   layers:  a layer array without an output layer, ending with softmaxLayer (classification) or with the output
%            fullyConnectedLayer (regression), or a bigru.dlnetwork
%   lossFcn: 'crossentropy' (classification) or 'mse' ('mean-squared-error', 'l2loss'; regression). A function
%            handle, and MATLAB's other losses, are refused: bigru computes its losses itself.
%   options: from trainingOptions; Metrics ('accuracy', 'rmse') adds their columns to the table and the history.
%
%   As MATLAB's trainnet, with ValidationData it validates before the first iteration (reported only), every
%   ValidationFrequency iterations and after the last one; ValidationPatience counts validations; OutputNetwork
%   'auto' returns the network of the best validation (by ObjectiveMetricName) when there is validation data.
%   net: a bigru.dlnetwork. info: TrainingHistory and ValidationHistory (tables in MATLAB, structs of columns in
%   Octave), OutputNetworkIteration and StopReason, as MATLAB's TrainingInfo.
fname = 'trainnet';
try
  if nargin ~= 5
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected trainnet(X, T, layers, lossFcn, options)');
  end
  [net, info] = bigru.internal.train(fname, X, T, layers, lossFcn, options, nargout > 1);
catch err
  bigru.internal.raise(err);
end
end
