function net = resetState(net)
%RESETSTATE  Forgets the time steps bigru.predictAndUpdateState has seen, as MATLAB's resetState.
%   net = bigru.resetState(net)
bigru.internal.checkNetwork(net, 'resetState');
net.State = {};
end
