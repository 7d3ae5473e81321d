function varargout = bilstmLayer(varargin)
%BILSTMLAYER  bigru.bilstmLayer under MATLAB's unqualified name; see help bigru.bilstmLayer.
[varargout{1:max(nargout, 1)}] = bigru.bilstmLayer(varargin{:});
end
