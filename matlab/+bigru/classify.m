function [YPred, scores] = classify(net, X, varargin)
%CLASSIFY  Class labels of sequences, from a classification network of trainNetwork's idiom.
%   YPred = bigru.classify(net, X)
%   [YPred, scores] = bigru.classify(net, X, Name, Value, ...)
%   X: cell array of numFeatures-by-numTimeSteps matrices (or one matrix). YPred has the type and
%   orientation of the labels the network was trained with: one label per sequence (OutputMode 'last'),
%   or a cell array of label rows, one label per time step ('sequence'). scores are predict's output.
%   Accepted options (they do not change results): MiniBatchSize, SequenceLength ('longest'),
%   SequencePaddingDirection, SequencePaddingValue, ExecutionEnvironment, Acceleration.
%   For a network of trainnet's (a bigru.dlnetwork): scores2label(minibatchpredict(net, X), classNames).
fname = 'classify';
try
  if nargin < 2
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected classify(net, X)');
  end
  bigru.internal.checkNetwork(net, fname, 'SeriesNetwork', ['net is a dlnetwork (trainnet''s idiom), which has ' ...
                              'no classes: use scores2label(minibatchpredict(net, X), classNames)']);
  bigru.internal.predictionOptions(fname, varargin);
  jnet = net.Java;
  if ~jnet.isClassification()
    bigru.internal.fail(fname, 'invalidNetwork', 'the network ends with regressionLayer; use predict for its responses');
  end
  [seq, lengths] = bigru.internal.sequences(X, 'X', fname);
  try
    codes = double(jnet.classify(seq));
  catch err
    bigru.internal.javaError(err, fname);
  end
  codes = codes(:);
  if jnet.isPerStep()
    parts = mat2cell(codes, lengths, 1);
    YPred = cellfun(@(c) bigru.internal.labelsFromCodes(c, net.ClassNames, net.LabelType, 'row'), parts, ...
                    'UniformOutput', false);
  else
    YPred = bigru.internal.labelsFromCodes(codes, net.ClassNames, net.LabelType, net.LabelOrientation);
  end
  if nargout > 1
    scores = bigru.predict(net, X);
  end
catch err
  bigru.internal.raise(err);
end
end
