function varargout = fullyConnectedLayer(varargin)
%FULLYCONNECTEDLAYER  bigru.fullyConnectedLayer under MATLAB's unqualified name; see help bigru.fullyConnectedLayer.
[varargout{1:max(nargout, 1)}] = bigru.fullyConnectedLayer(varargin{:});
end
