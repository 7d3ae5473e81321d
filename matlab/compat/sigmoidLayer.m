function varargout = sigmoidLayer(varargin)
%SIGMOIDLAYER  bigru.sigmoidLayer under MATLAB's unqualified name; see help bigru.sigmoidLayer.
[varargout{1:max(nargout, 1)}] = bigru.sigmoidLayer(varargin{:});
end
