function net = resetState(net)
%RESETSTATE  Forgets the time steps bigru.predictAndUpdateState has seen, as MATLAB's resetState.
%   net = bigru.resetState(net)
try
  bigru.internal.checkNetwork(net, 'resetState');
  net.State = {};
catch err
  bigru.internal.raise(err);
end
end
