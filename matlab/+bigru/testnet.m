function metricValues = testnet(net, X, T, metrics, varargin)
%TESTNET  Measures a network of trainnet's idiom (a bigru.dlnetwork) on test data.
%   metricValues = bigru.testnet(net, X, T, metrics)
%   metricValues = bigru.testnet(net, X, T, metrics, Name, Value, ...)
%   X and T: as trainnet takes them (InputDataFormats reads other layouts of X). metrics: a name or a cell array
%   (or string array) of names: 'accuracy' (percent of sequences, or time steps, classified right) and
%   'crossentropy' for classification; 'rmse' and 'mse' for regression. metricValues: one value per metric, a row.
%   Options: MiniBatchSize, InputDataFormats, SequenceLength ('longest'), SequencePaddingDirection,
%   SequencePaddingValue, ExecutionEnvironment, Acceleration.
fname = 'testnet';
try
  if nargin < 4
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected testnet(net, X, T, metrics)');
  end
  bigru.internal.checkNetwork(net, fname, 'dlnetwork', ['net is a network of trainNetwork''s; testnet takes a ' ...
                              'dlnetwork (from trainnet or dlnetwork): use classify or predict']);
  if isa(metrics, 'string') || ischar(metrics)
    metrics = cellstr(metrics);
  end
  if ~iscellstr(metrics) || isempty(metrics)
    bigru.internal.fail(fname, 'invalidValue', ['metrics must be a metric name or a cell array of them, such as ' ...
                        '''accuracy'' or ''rmse''']);
  end
  opts = bigru.internal.arguments(fname, varargin);
  jnet = net.Java;
  seq = bigru.internal.sequences(X, 'X', fname, opts.InputDataFormats);
  try
    seq = jnet.prepare(seq);
  catch err
    bigru.internal.javaError(err, fname, 'featureCount');
  end
  classNames = bigru.internal.cellOfStrings(jnet.classNames());
  if isempty(classNames)
    classNames = {};
  end
  data = bigru.internal.dataset(jnet.layers(), seq, T, 'T', classNames, fname, true);
  try
    metricValues = reshape(double(jnet.test(data, metrics(:))), 1, []);
  catch err
    bigru.internal.javaError(err, fname, 'invalidValue');
  end
catch err
  bigru.internal.raise(err);
end
end
