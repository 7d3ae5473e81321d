function varargout = importNetworkFromONNX(varargin)
%IMPORTNETWORKFROMONNX  bigru.importNetworkFromONNX under MATLAB's unqualified name; see help bigru.importNetworkFromONNX.
[varargout{1:max(nargout, 1)}] = bigru.importNetworkFromONNX(varargin{:});
end
