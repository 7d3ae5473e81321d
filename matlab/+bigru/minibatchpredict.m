function Y = minibatchpredict(net, X, varargin)
%MINIBATCHPREDICT  Scores (classification) or responses (regression) of sequences, from a network of trainnet's
%   idiom (a bigru.dlnetwork).
%   Y = bigru.minibatchpredict(net, X)
%   Y = bigru.minibatchpredict(net, X, Name, Value, ...)
%   X: as trainnet reads it: a cell array of numTimeSteps-by-numChannels matrices, or a numeric
%   numTimeSteps-by-numChannels-by-numSequences array; 'InputDataFormats' reads other layouts ('CTB', ...).
%   OutputMode 'last': a numSequences-by-numOutputs matrix (class scores sum to 1 per row; scores2label gives
%   the labels). OutputMode 'sequence': a numTimeSteps-by-numOutputs-by-numSequences array, each sequence's
%   outputs aligned as 'SequencePaddingDirection' says ('right': from the first step) and zeros where it has no
%   steps; with 'UniformOutput', false a cell array, Y{i} numTimeSteps-by-numOutputs for X{i}.
%   Options: MiniBatchSize, InputDataFormats, SequenceLength ('longest'), SequencePaddingDirection,
%   SequencePaddingValue, ExecutionEnvironment, Acceleration, UniformOutput.
fname = 'minibatchpredict';
try
  if nargin < 2
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected minibatchpredict(net, X)');
  end
  bigru.internal.checkNetwork(net, fname, 'dlnetwork', ['net is a network of trainNetwork''s; minibatchpredict ' ...
                              'takes a dlnetwork (from trainnet or dlnetwork): use predict or classify']);
  Y = bigru.internal.batchPredict(fname, net, X, varargin);
catch err
  bigru.internal.raise(err);
end
end
