function checkNetwork(net, fname)
%CHECKNETWORK  NET must come from trainNetwork or loadNetwork (internal).
if ~isstruct(net) || ~isfield(net, 'Java') || ~isscalar(net)
  error('bigru:invalidArgument', '%s: net must be a network from trainNetwork or loadNetwork', fname);
end
end
