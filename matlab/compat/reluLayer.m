function varargout = reluLayer(varargin)
%RELULAYER  bigru.reluLayer under MATLAB's unqualified name; see help bigru.reluLayer.
[varargout{1:max(nargout, 1)}] = bigru.reluLayer(varargin{:});
end
