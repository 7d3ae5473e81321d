function Y = predict(net, X, varargin)
%PREDICT  Scores (classification) or responses (regression) of sequences.
%   Y = bigru.predict(net, X)
%   Y = bigru.predict(net, X, Name, Value, ...)
%   A network of trainNetwork's (bigru.SeriesNetwork): X a cell array of numFeatures-by-numTimeSteps matrices (or
%   one matrix). OutputMode 'last': a numSequences-by-numOutputs matrix (class scores sum to 1 per row).
%   OutputMode 'sequence': a cell array, Y{i} numOutputs-by-numTimeSteps for X{i}.
%   Accepted options (they do not change results): MiniBatchSize, SequenceLength ('longest'),
%   SequencePaddingDirection, SequencePaddingValue, ExecutionEnvironment, Acceleration.
%   A bigru.dlnetwork (trainnet's): as minibatchpredict (see help bigru.minibatchpredict).
fname = 'predict';
try
  if nargin < 2
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected predict(net, X)');
  end
  bigru.internal.checkNetwork(net, fname);
  if isa(net, 'bigru.dlnetwork')
    Y = bigru.internal.batchPredict(fname, net, X, varargin);
  else
    bigru.internal.predictionOptions(fname, varargin);
    jnet = net.Java;
    [seq, lengths] = bigru.internal.sequences(X, 'X', fname);
    try
      values = double(jnet.predict(seq));
    catch err
      bigru.internal.javaError(err, fname);
    end
    values = values(:);
    k = double(jnet.layers().outputSize());
    n = numel(lengths);
    if jnet.isPerStep()
      parts = mat2cell(values, k * lengths, 1);
      Y = cellfun(@(p) reshape(p, k, []), parts, 'UniformOutput', false);
    else
      Y = reshape(values, n, k);
    end
  end
catch err
  bigru.internal.raise(err);
end
end
