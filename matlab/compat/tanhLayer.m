function varargout = tanhLayer(varargin)
%TANHLAYER  bigru.tanhLayer under MATLAB's unqualified name; see help bigru.tanhLayer.
[varargout{1:max(nargout, 1)}] = bigru.tanhLayer(varargin{:});
end
