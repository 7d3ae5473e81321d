function varargout = bigruLayer(varargin)
%BIGRULAYER  bigru.bigruLayer under MATLAB's unqualified name; see help bigru.bigruLayer.
[varargout{1:max(nargout, 1)}] = bigru.bigruLayer(varargin{:});
end
