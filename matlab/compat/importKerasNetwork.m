function varargout = importKerasNetwork(varargin)
%IMPORTKERASNETWORK  bigru.importKerasNetwork under MATLAB's unqualified name; see help bigru.importKerasNetwork.
[varargout{1:max(nargout, 1)}] = bigru.importKerasNetwork(varargin{:});
end
