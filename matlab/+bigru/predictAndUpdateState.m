function [net, Y] = predictAndUpdateState(net, X, varargin)
%PREDICTANDUPDATESTATE  Predicts the time steps of X after those the network has seen, and remembers them.
%   [net, Y] = bigru.predictAndUpdateState(net, X)
%   As MATLAB's: the network's state carries over from one call to the next (bigru.resetState clears it),
%   so a forecast can be made one time step at a time, each prediction passed back as the next X. The state of
%   a forward-only network (gruLayer, lstmLayer) is the sequence seen so far, kept in net.State; each call
%   predicts that sequence with X appended and returns the outputs of X's time steps, which are exactly those
%   a stateful network gives. A bidirectional layer is refused: its outputs depend on time steps not yet seen.
%   X: a numFeatures-by-numTimeSteps matrix or a cell array (one per sequence, the same count every call).
%   Y: as predict gives for X's time steps (OutputMode 'sequence': numOutputs-by-numTimeSteps each; 'last':
%   the output after X's last time step, one row per sequence). Options as predict's.
fname = 'predictAndUpdateState';
if nargin < 2
  error('bigru:invalidArgument', '%s: expected [net, Y] = predictAndUpdateState(net, X)', fname);
end
bigru.internal.checkNetwork(net, fname);
try
  javaMethod('requireForwardOnly', bigru.internal.javaClass('ClosedLoop'), net.Java);
catch err
  bigru.internal.javaError(err, fname);
end
oneMatrix = isnumeric(X);
if oneMatrix
  X = {X};
end
if ~iscell(X)
  error('bigru:invalidArgument', '%s: X must be a numFeatures-by-numTimeSteps matrix or a cell array of them', fname);
end
X = X(:);
if ~isfield(net, 'State') || isempty(net.State)
  history = cell(numel(X), 1);
else
  history = net.State;
  if numel(history) ~= numel(X)
    error('bigru:invalidArgument', ['%s: X has %d sequences but the network''s state holds %d; call ' ...
          'bigru.resetState(net) to start other sequences'], fname, numel(X), numel(history));
  end
end
whole = cellfun(@(h, x) [h, x], history, X, 'UniformOutput', false);
out = bigru.predict(net, whole, varargin{:});
if iscell(out)
  Y = cellfun(@(o, x) o(:, end - size(x, 2) + 1:end), out, X, 'UniformOutput', false);
  if oneMatrix
    Y = Y{1};
  end
else
  Y = out;
end
net.State = whole;
end
