function varargout = gruLayer(varargin)
%GRULAYER  bigru.gruLayer under MATLAB's unqualified name; see help bigru.gruLayer.
[varargout{1:max(nargout, 1)}] = bigru.gruLayer(varargin{:});
end
