function varargout = softmaxLayer(varargin)
%SOFTMAXLAYER  bigru.softmaxLayer under MATLAB's unqualified name; see help bigru.softmaxLayer.
[varargout{1:max(nargout, 1)}] = bigru.softmaxLayer(varargin{:});
end
