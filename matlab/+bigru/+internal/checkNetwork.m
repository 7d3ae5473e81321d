function checkNetwork(net, fname, kind, advice)
%CHECKNETWORK  NET must be a network of bigru's (internal): from trainNetwork, trainnet, dlnetwork, loadNetwork or
%   an import; with KIND, of that class ('dlnetwork' or 'SeriesNetwork'), else the error says ADVICE.
if ~isa(net, 'bigru.internal.Network') || ~isscalar(net)
  bigru.internal.fail(fname, 'invalidNetwork', ['net must be a network from trainNetwork, trainnet, dlnetwork, ' ...
                      'loadNetwork or an import, not a %s'], class(net));
end
if nargin > 2 && ~isa(net, ['bigru.' kind])
  bigru.internal.fail(fname, 'invalidNetwork', '%s', advice);
end
end
