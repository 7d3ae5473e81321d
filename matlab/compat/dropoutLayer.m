function varargout = dropoutLayer(varargin)
%DROPOUTLAYER  bigru.dropoutLayer under MATLAB's unqualified name; see help bigru.dropoutLayer.
[varargout{1:max(nargout, 1)}] = bigru.dropoutLayer(varargin{:});
end
