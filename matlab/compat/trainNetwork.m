function varargout = trainNetwork(varargin)
%TRAINNETWORK  bigru.trainNetwork under MATLAB's unqualified name; see help bigru.trainNetwork.
[varargout{1:max(nargout, 1)}] = bigru.trainNetwork(varargin{:});
end
