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
%   A network of trainNetwork's idiom (bigru.SeriesNetwork), as MATLAB's.
fname = 'predictAndUpdateState';
try
  if nargin < 2
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected [net, Y] = predictAndUpdateState(net, X)');
  end
  bigru.internal.checkNetwork(net, fname, 'SeriesNetwork', ['net is a dlnetwork (trainnet''s idiom); ' ...
                              'predictAndUpdateState takes a network of trainNetwork''s (use bigru.forecast for a ' ...
                              'dlnetwork)']);
  try
    javaMethod('requireForwardOnly', bigru.internal.javaClass('ClosedLoop'), net.Java);
  catch err
    bigru.internal.javaError(err, fname, 'invalidNetwork');
  end
  oneMatrix = isnumeric(X);
  if oneMatrix
    X = {X};
  end
  if ~iscell(X)
    bigru.internal.fail(fname, 'invalidData', 'X must be a numFeatures-by-numTimeSteps matrix or a cell array of them');
  end
  X = X(:);
  if isempty(net.State)
    history = cell(numel(X), 1);
  else
    history = net.State;
    if numel(history) ~= numel(X)
      bigru.internal.fail(fname, 'invalidData', ['X has %d sequences but the network''s state holds %d; call ' ...
                          'bigru.resetState(net) to start other sequences'], numel(X), numel(history));
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
catch err
  bigru.internal.raise(err);
end
end
