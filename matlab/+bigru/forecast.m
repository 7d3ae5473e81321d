function Y = forecast(net, X, K)
%FORECAST  The K time steps after the end of each sequence, predicted in closed loop.
%   Y = bigru.forecast(net, X, K)
%   NET is a regression network trained to predict the next time step of its input (as in MATLAB's
%   time-series forecasting examples: targets X{i}(:, 2:end) for inputs X{i}(:, 1:end-1)), so its responses
%   are its features. Each prediction of the last time step is fed back as the next input, K times.
%   X: a numFeatures-by-numTimeSteps matrix (Y is numFeatures-by-K) or a cell array of them (Y{i} for X{i}).
%   Any network with as many responses as features works: a forward-only one as MATLAB's
%   predictAndUpdateState loop does (the same numbers, see bigru.predictAndUpdateState), a bidirectional one
%   by running the whole sequence again at each step.
fname = 'forecast';
if nargin < 3
  error('bigru:invalidArgument', '%s: expected forecast(net, X, K)', fname);
end
bigru.internal.checkNetwork(net, fname);
if ~(isnumeric(K) && isscalar(K) && isreal(K))
  error('bigru:invalidArgument', ['%s: K, the number of time steps to forecast, must be a whole number of at ' ...
        'least 1'], fname);
end
oneMatrix = isnumeric(X);
[seq, lengths] = bigru.internal.sequences(X, 'X', fname);
try
  values = double(javaMethod('forecast', bigru.internal.javaClass('ClosedLoop'), net.Java, seq, double(K)));
catch err
  bigru.internal.javaError(err, fname);
end
features = double(seq.features());
parts = mat2cell(values(:), features * K * ones(numel(lengths), 1), 1);
Y = cellfun(@(p) reshape(p, features, K), parts, 'UniformOutput', false);
if oneMatrix
  Y = Y{1};
end
end
