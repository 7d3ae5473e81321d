function Y = predict(net, X, varargin)
%PREDICT  Scores (classification) or responses (regression) of sequences.
%   Y = bigru.predict(net, X)
%   Y = bigru.predict(net, X, Name, Value, ...)
%   OutputMode 'last': a numSequences-by-numOutputs matrix (class scores sum to 1 per row).
%   OutputMode 'sequence': a cell array, Y{i} numOutputs-by-numTimeSteps for X{i}.
%   Accepted options (they do not change results): MiniBatchSize, SequenceLength ('longest'),
%   SequencePaddingDirection, SequencePaddingValue, ExecutionEnvironment, Acceleration.
fname = 'predict';
if nargin < 2
  error('bigru:invalidArgument', '%s: expected predict(net, X)', fname);
end
bigru.internal.checkNetwork(net, fname);
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
