function checkNetwork(net, fname)
%CHECKNETWORK  NET must be a network of bigru's (internal): from trainNetwork, trainnet, dlnetwork, loadNetwork or
%   an import.
if ~isa(net, 'bigru.internal.Network') || ~isscalar(net)
  bigru.internal.fail(fname, 'invalidNetwork', ['net must be a network from trainNetwork, trainnet, dlnetwork, ' ...
                      'loadNetwork or an import, not a %s'], class(net));
end
end
